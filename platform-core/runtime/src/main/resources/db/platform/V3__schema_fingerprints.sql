-- What each bundle's migrations looked like when they last ran to the end: a start whose files are
-- the same skips Flyway for that bundle (its history is already up to date).
create table platform_schema_fingerprint (
    schema_name varchar(100) primary key,
    fingerprint varchar(64) not null,
    migrated_at timestamp not null
);
