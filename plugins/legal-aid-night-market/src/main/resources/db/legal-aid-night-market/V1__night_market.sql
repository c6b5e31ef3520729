create sequence night_market_seq start with 1 increment by 1;

-- A night market with a legal-aid stall; district is its node in the administrative tree, e.g. 宜宾市/翠屏区.
create table market (
    id          bigint        primary key,
    name        varchar(100)  not null unique,
    place       varchar(200)  not null,
    district    varchar(100)  not null,
    time_zone   varchar(40)   not null
);

-- The market's usual opening hours for the stall, weekly, in the market's local time.
create table market_hours (
    market_id   bigint        not null references market (id) on delete cascade,
    day_of_week varchar(9)    not null,
    start_time  time          not null,
    end_time    time          not null
);
create index market_hours_market on market_hours (market_id);

-- Specialties every duty lawyer of the market must have (catalogue codes of the lawyer roster).
create table market_specialty (
    market_id   bigint        not null references market (id) on delete cascade,
    specialty   varchar(20)   not null,
    primary key (market_id, specialty)
);

-- One evening the stall opens, in the market's local time.
create table market_session (
    id            bigint        primary key,
    market_id     bigint        not null references market (id),
    session_date  date          not null,
    start_time    time          not null,
    end_time      time          not null,
    status        varchar(10)   not null,
    theme         varchar(100),
    cancel_reason varchar(200),
    constraint market_session_once unique (market_id, session_date, start_time)
);
create index market_session_date on market_session (session_date);

-- Who is (or was) on duty at a session. Swaps and cancellations end a row and keep it: the history.
-- active_session_id holds the session's id only while the duty is active, so the unique constraint
-- allows one active duty per session on both H2 and PostgreSQL (which both let NULLs repeat).
create table duty_assignment (
    id                bigint        primary key,
    session_id        bigint        not null references market_session (id),
    lawyer_id         bigint        not null,
    lawyer_name       varchar(50)   not null,
    firm              varchar(100),
    source            varchar(10)   not null,
    status            varchar(10)   not null,
    active_session_id bigint        unique,
    replaces_id       bigint        references duty_assignment (id),
    assigned_at       timestamp with time zone not null,
    assigned_by       varchar(100)  not null,
    ended_at          timestamp with time zone,
    ended_by          varchar(100),
    ended_reason      varchar(200)
);
create index duty_assignment_session on duty_assignment (session_id);
create index duty_assignment_lawyer on duty_assignment (lawyer_id);

-- One person helped at the stall. No names; a contact only with the person's consent.
create table consultation (
    id               bigint        primary key,
    session_id       bigint        not null references market_session (id),
    logged_at        timestamp with time zone not null,
    logged_by        varchar(100)  not null,
    lawyer_id        bigint,
    category         varchar(20)   not null,
    visitor          varchar(20)   not null,
    summary          varchar(500),
    outcome          varchar(30)   not null,
    contact          varchar(50),
    contact_consent  boolean       not null,
    follow_up_due    date,
    follow_up_done   date,
    follow_up_result varchar(500)
);
create index consultation_session on consultation (session_id);
create index consultation_follow_up on consultation (follow_up_due);
