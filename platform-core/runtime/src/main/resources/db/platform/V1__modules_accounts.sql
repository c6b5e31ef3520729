-- Which modules an admin wants enabled: the state after the distribution's starting point.
create table platform_module (
    module_id   varchar(100) primary key,
    enabled     boolean      not null,
    changed_at  timestamp    not null,
    changed_by  varchar(100) not null
);

create table platform_account (
    username      varchar(100) primary key,
    password_hash varchar(100) not null,
    roles         varchar(1000) not null,
    created_at    timestamp    not null
);

-- Modules whose demo data has been loaded into this database.
create table platform_demo_data (
    module_id varchar(100) primary key,
    loaded_at timestamp    not null
);
