-- What the start-up import last read from each timeline file, so an unchanged file is not
-- parsed again (a 10,000-event file takes seconds to parse; its hash, milliseconds).
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 15.

create table imported_file (
    path          varchar(1000) not null primary key,
    content_hash  varchar(64)   not null,
    timeline_slug varchar(80)   not null,
    imported_at   timestamp     not null
);
