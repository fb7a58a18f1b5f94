-- When readers' content of a timeline last changed: what pages, JSON and feeds show as
-- "Updated". timeline.updated_at stays the editors' bookkeeping (any write, drafts included);
-- before this column the public date was updated_at, so a first import on a new database made a
-- 2025 story look updated on the day of the import.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 15.

alter table timeline add column content_updated_at timestamp;

-- Existing rows: the newest of the published events' dates, their sources' dates and the editors'
-- changes to published content (an event that is published now, the timeline itself, a deletion),
-- never later than the row's last write.
update timeline set content_updated_at = greatest(
    coalesce((select cast(max(coalesce(e.end_date, e.start_date)) as timestamp) from event e
              where e.timeline_id = timeline.id and e.status = 'published'), timestamp '1970-01-01 00:00:00'),
    coalesce((select cast(max(s.published_on) as timestamp) from source s join event e on e.id = s.event_id
              where e.timeline_id = timeline.id and e.status = 'published'), timestamp '1970-01-01 00:00:00'),
    coalesce((select max(r.changed_at) from revision r where r.timeline_id = timeline.id
              and (r.event_slug is null or r.action = 'deleted' or exists (select 1 from event e
                   where e.timeline_id = r.timeline_id and e.slug = r.event_slug and e.status = 'published'))),
             timestamp '1970-01-01 00:00:00'));
update timeline set content_updated_at = updated_at
    where content_updated_at > updated_at or content_updated_at = timestamp '1970-01-01 00:00:00';
alter table timeline alter column content_updated_at set not null;

-- Events no editor ever changed came from a file: the day of their import says nothing to a
-- reader, so they take their own newest date or source date (as a first import now does).
update event set updated_at = greatest(
    cast(coalesce(end_date, start_date) as timestamp),
    coalesce((select cast(max(s.published_on) as timestamp) from source s where s.event_id = event.id),
             timestamp '1970-01-01 00:00:00'))
    where not exists (select 1 from revision r where r.timeline_id = event.timeline_id and r.event_slug = event.slug)
      and greatest(cast(coalesce(end_date, start_date) as timestamp),
                   coalesce((select cast(max(s.published_on) as timestamp) from source s where s.event_id = event.id),
                            timestamp '1970-01-01 00:00:00')) < updated_at;
