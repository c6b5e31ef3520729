create sequence greeter_visitor_seq start with 1 increment by 1;

create table greeter_visitor (
    id   bigint       primary key,
    name varchar(100) not null
);
