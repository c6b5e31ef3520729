-- The city whose bundle runs on this database (at most one row): a bundle of another city is refused on it.
create table platform_city (
    city_id           varchar(64)  primary key,
    profile_sha256    varchar(64)  not null,
    first_started_at  timestamp    not null,
    last_started_at   timestamp    not null
);

-- Each setting the city's profile has applied, once: after that the database's value (an admin's) is the state.
create table platform_city_setting (
    pid         varchar(200)  not null,
    setting     varchar(200)  not null,
    applied_at  timestamp     not null,
    primary key (pid, setting)
);
