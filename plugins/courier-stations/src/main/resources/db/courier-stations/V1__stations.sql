create sequence station_seq start with 1 increment by 1;
create sequence visit_seq start with 1 increment by 1;
create sequence demand_seq start with 1 increment by 1;

-- A rest station; location in WGS-84 degrees.
create table station (
    id             bigint            primary key,
    name           varchar(100)      not null,
    kind           varchar(20)       not null,
    address        varchar(200),
    district       varchar(50),
    street         varchar(50),
    community      varchar(50),
    latitude       double precision  not null,
    longitude      double precision  not null,
    capacity       integer,
    contact_phone  varchar(20),
    status         varchar(20)       not null,
    status_reason  varchar(200),
    checkin_code   varchar(16)       not null unique,
    updated_at     timestamp with time zone not null
);
create index station_district on station (district, street, community);

create table station_service (
    station_id  bigint       not null references station (id) on delete cascade,
    service     varchar(40)  not null,
    primary key (station_id, service)
);

-- Weekly opening periods in the city's local time; 23:59:59 stands for 24:00.
create table station_hours (
    station_id   bigint      not null references station (id) on delete cascade,
    day_of_week  varchar(9)  not null,
    opens        time        not null,
    closes       time        not null
);
create index station_hours_station on station_hours (station_id);

-- Dates a station stays closed all day (holidays).
create table station_closure (
    station_id  bigint        not null references station (id) on delete cascade,
    closed_on   date          not null,
    reason      varchar(100),
    primary key (station_id, closed_on)
);

-- Moves with every change to stations: other nodes reload their index when it does.
create table station_change (
    id       integer  primary key,
    version  bigint   not null
);
insert into station_change (id, version) values (1, 0);

-- A counted check-in: the kind of worker and a pseudonym, never a name.
create table visit (
    id           bigint       primary key,
    station_id   bigint       not null references station (id),
    visited_at   timestamp with time zone not null,
    worker_kind  varchar(20)  not null,
    visitor      varchar(64)  not null
);
create index visit_time on visit (visited_at);
create index visit_repeat on visit (station_id, visitor, visited_at);

create table visit_service (
    visit_id  bigint       not null references visit (id) on delete cascade,
    service   varchar(40)  not null,
    primary key (visit_id, service)
);

-- Uploaded demand points (a heat map of where riders work), packed in chunks.
create table demand_set (
    id            bigint            primary key,
    name          varchar(100)      not null,
    uploaded_at   timestamp with time zone not null,
    point_count   integer           not null,
    total_weight  double precision  not null
);

create table demand_chunk (
    id        bigint   primary key,
    set_id    bigint   not null references demand_set (id) on delete cascade,
    chunk_no  integer  not null,
    data      bytea    not null,
    unique (set_id, chunk_no)
);

create table module_secret (
    name    varchar(40)   primary key,
    secret  varchar(128)  not null
);
