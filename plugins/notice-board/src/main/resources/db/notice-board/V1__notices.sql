create sequence notice_seq start with 1 increment by 1;

create table notice (
    id           bigint        primary key,
    title        varchar(120)  not null,
    body         varchar(4000) not null,
    community    varchar(120)  not null,
    published_at timestamp with time zone not null,
    expires_at   timestamp with time zone
);

create index notice_published on notice (published_at);
