-- Other names an actor goes by in the news ("Ishiba", "Nippon Steel Corp."), which the article
-- extractor looks for; and the revision action for events drafted from an article.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 15.

create table actor_alias (
    actor_id   bigint       not null references actor (id) on delete cascade,
    sort_order integer      not null,
    alias      varchar(120) not null,
    primary key (actor_id, sort_order)
);

alter table revision drop constraint ck_revision_action;
alter table revision add constraint ck_revision_action
    check (action in ('created', 'updated', 'deleted', 'imported', 'drafted'));
