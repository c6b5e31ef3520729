create sequence roster_seq start with 1 increment by 1;

create table law_firm (
    id          bigint        primary key,
    name        varchar(100)  not null unique,
    licence_no  varchar(30),
    address     varchar(200),
    district    varchar(100)
);

create table lawyer (
    id          bigint        primary key,
    name        varchar(50)   not null,
    licence_no  char(17)      not null unique,
    firm_id     bigint        not null references law_firm (id),
    phone       varchar(20),
    active      boolean       not null
);
create index lawyer_firm on lawyer (firm_id);

create table lawyer_specialty (
    lawyer_id   bigint        not null references lawyer (id) on delete cascade,
    specialty   varchar(20)   not null,
    primary key (lawyer_id, specialty)
);

create table lawyer_language (
    lawyer_id   bigint        not null references lawyer (id) on delete cascade,
    position    int           not null,
    language    varchar(30)   not null,
    primary key (lawyer_id, position)
);

create table lawyer_window (
    lawyer_id   bigint        not null references lawyer (id) on delete cascade,
    day_of_week varchar(9)    not null,
    start_time  time          not null,
    end_time    time          not null
);
create index lawyer_window_lawyer on lawyer_window (lawyer_id);

-- A duty a lawyer served: the source of their volunteer hours and of the rota's monthly counts.
create table duty (
    id          bigint        primary key,
    lawyer_id   bigint        not null references lawyer (id),
    starts_at   timestamp     not null,
    ends_at     timestamp     not null,
    place       varchar(200)  not null
);
create index duty_lawyer on duty (lawyer_id, starts_at);
