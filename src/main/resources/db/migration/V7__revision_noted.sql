-- Every snapshot build reads a timeline's last update notes. With only (timeline_id, changed_at) to go
-- by, the database walked back through every revision since the last note: after 12,000 edits without
-- a note, a build of the 28-event seeded timeline took tens of milliseconds, most of it reading revision
-- rows. Noted revisions now have an index of their own (a flag, since H2 has no partial indexes).
alter table revision add column noted boolean default false not null;
update revision set noted = true where update_note is not null;
create index ix_revision_noted on revision (timeline_id, noted, changed_at);
