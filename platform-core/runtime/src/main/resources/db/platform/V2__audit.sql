-- The audit trail: each entry carries the hash of the one before, so an edited or deleted
-- entry breaks the chain. The head row is locked while an entry is appended, so entries from
-- several nodes form one chain.
create table platform_audit (
    id            bigint        primary key,
    at            timestamp with time zone not null,
    actor         varchar(100)  not null,
    address       varchar(100),
    module        varchar(100)  not null,
    action        varchar(100)  not null,
    subject       varchar(300),
    details       varchar(4000),
    previous_hash char(64)      not null,
    hash          char(64)      not null
);
create index platform_audit_module on platform_audit (module, id);

create table platform_audit_head (
    id        int      primary key,
    last_id   bigint   not null,
    last_hash char(64) not null
);
insert into platform_audit_head (id, last_id, last_hash)
    values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
