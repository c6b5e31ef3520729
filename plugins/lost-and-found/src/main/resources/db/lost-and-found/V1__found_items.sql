-- The items the desks hold. Every table of the module starts with its id: all modules share one database.
create sequence lost_and_found_item_seq start with 1 increment by 1;

create table lost_and_found_item (
    id             bigint        primary key,
    description    varchar(200)  not null,
    category       varchar(40)   not null,
    place          varchar(120)  not null,
    desk           varchar(120)  not null,
    found_at       timestamp with time zone not null,
    recorded_at    timestamp with time zone not null,
    status         varchar(16)   not null,
    claimant_name  varchar(60),
    claimant_phone varchar(20),
    claimed_at     timestamp with time zone
);

create index lost_and_found_item_status on lost_and_found_item (status, found_at);
