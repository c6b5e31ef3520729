-- One counter per kind of shared state that nodes follow: a toggle moves 'modules' in the same transaction
-- that writes platform_module, holding this row's lock while it decides, so that toggles made at once on
-- several nodes happen one after the other; each node re-reads when the counter moved.
create table platform_change (
    topic   varchar(50) primary key,
    counter bigint      not null
);
insert into platform_change (topic, counter) values ('modules', 0);
insert into platform_change (topic, counter) values ('config', 0);

-- Each module configuration's properties as the last change on any node left them (JSON keeping each value's
-- type); every node writes them into its own ConfigAdmin.
create table platform_module_config (
    pid         varchar(200)  primary key,
    module_id   varchar(100)  not null,
    properties  varchar(20000) not null,
    changed_at  timestamp     not null,
    changed_by  varchar(100)  not null
);
