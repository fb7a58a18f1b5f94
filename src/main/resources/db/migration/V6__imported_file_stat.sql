-- The size and modification time a timeline file had when it was imported. The start-up check
-- compares them first and hashes the file only when either differs: hashing the 15 MB benchmark file
-- took about a second of a cold JVM's start. A file whose size and time are unchanged is taken as
-- unchanged, as make and rsync do; its hash is still compared whenever either moves.
alter table imported_file add column file_size bigint;
alter table imported_file add column file_modified varchar(40);
