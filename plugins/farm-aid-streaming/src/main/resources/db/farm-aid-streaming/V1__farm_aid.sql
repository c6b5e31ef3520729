create sequence farm_aid_seq start with 1 increment by 1;

-- A volunteer streamer. The handle is public; the real name and phone are personal data.
create table streamer (
    id              bigint        primary key,
    handle          varchar(40)   not null unique,
    real_name       varchar(50)   not null,
    phone           varchar(20),
    pioneer         boolean       not null,
    active          boolean       not null,
    updated_at      timestamp with time zone not null
);

-- The streamer's accounts: one per platform, with the follower count last reported.
create table streamer_account (
    streamer_id  bigint       not null references streamer (id) on delete cascade,
    platform     varchar(20)  not null,
    account_id   varchar(64)  not null,
    followers    bigint       not null,
    primary key (streamer_id, platform)
);

-- Product categories the streamer says they sell well.
create table streamer_category (
    streamer_id  bigint       not null references streamer (id) on delete cascade,
    category     varchar(20)  not null,
    primary key (streamer_id, category)
);

-- When the streamer can go live, weekly, in the city's local time; 23:59:59 stands for 24:00.
create table streamer_availability (
    streamer_id  bigint      not null references streamer (id) on delete cascade,
    day_of_week  varchar(9)  not null,
    start_time   time        not null,
    end_time     time        not null
);
create index streamer_availability_streamer on streamer_availability (streamer_id);

-- Free live-commerce training: a course, the classes it is given in, who enrolled and who completed.
create table course (
    id           bigint        primary key,
    title        varchar(100)  not null unique,
    organiser    varchar(100)  not null,
    hours        integer       not null,
    description  varchar(500),
    active       boolean       not null
);

create table course_session (
    id         bigint        primary key,
    course_id  bigint        not null references course (id),
    starts_at  timestamp     not null,
    ends_at    timestamp     not null,
    place      varchar(200)  not null,
    capacity   integer       not null
);
create index course_session_course on course_session (course_id);

create table enrolment (
    id                 bigint        primary key,
    course_session_id  bigint        not null references course_session (id),
    streamer_id        bigint        not null references streamer (id),
    status             varchar(10)   not null,
    enrolled_on        date          not null,
    completed_on       date,
    certificate_no     varchar(40),
    constraint enrolment_once unique (course_session_id, streamer_id)
);
create index enrolment_streamer on enrolment (streamer_id);

-- A village or co-operative with products to sell; node is its place in the administrative tree,
-- e.g. 台州市/椒江区/大陈镇. The contact person's name and phone are personal data.
create table village (
    id             bigint        primary key,
    name           varchar(100)  not null unique,
    kind           varchar(20)   not null,
    node           varchar(150)  not null,
    contact_name   varchar(50),
    contact_phone  varchar(20),
    active         boolean       not null
);
create index village_node on village (node);

-- A product of a village. Prices are yuan, exact to the fen; season months 1-12 (may wrap the year).
create table product (
    id            bigint          primary key,
    village_id    bigint          not null references village (id),
    name          varchar(100)    not null,
    category      varchar(20)     not null,
    unit          varchar(20)     not null,
    price         numeric(12, 2)  not null,
    stock         integer         not null,
    season_start  integer,
    season_end    integer,
    active        boolean         not null,
    constraint product_name_per_village unique (village_id, name),
    constraint product_price_not_negative check (price >= 0),
    constraint product_stock_not_negative check (stock >= 0)
);
create index product_category on product (category);

-- A live session in the city's local time; village_id is set when the session is meant for one village.
create table live_session (
    id             bigint        primary key,
    streamer_id    bigint        not null references streamer (id),
    platform       varchar(20)   not null,
    village_id     bigint        references village (id),
    scheduled_at   timestamp     not null,
    minutes        integer       not null,
    title          varchar(100),
    status         varchar(10)   not null,
    cancel_reason  varchar(200),
    results_at     timestamp with time zone,
    results_by     varchar(100)
);
create index live_session_time on live_session (scheduled_at);
create index live_session_streamer on live_session (streamer_id, scheduled_at);

create table live_session_product (
    session_id  bigint  not null references live_session (id) on delete cascade,
    product_id  bigint  not null references product (id),
    primary key (session_id, product_id)
);

-- What one session sold of one featured product. Totals are always summed from these rows, never stored.
create table session_result (
    id           bigint          primary key,
    session_id   bigint          not null references live_session (id),
    product_id   bigint          not null references product (id),
    units_sold   integer         not null,
    sales_value  numeric(14, 2)  not null,
    orders       integer         not null,
    returns      integer         not null,
    constraint session_result_once unique (session_id, product_id),
    constraint session_result_not_negative check (units_sold >= 0 and sales_value >= 0 and orders >= 0 and returns >= 0)
);
create index session_result_product on session_result (product_id);

-- What the programme did for a village in a month: villagers who found work near home through it,
-- and the change in their income they reported (yuan per person per year).
create table village_impact (
    id                  bigint          primary key,
    village_id          bigint          not null references village (id),
    month_start         date            not null,
    villagers_employed  integer         not null,
    income_change       numeric(12, 2)  not null,
    note                varchar(200),
    constraint village_impact_once unique (village_id, month_start),
    constraint village_impact_employed_not_negative check (villagers_employed >= 0)
);
