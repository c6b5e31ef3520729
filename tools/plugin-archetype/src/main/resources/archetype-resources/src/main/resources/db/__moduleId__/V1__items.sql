#set( $prefix = $moduleId.replace("-", "_") )
-- The module's first schema. Tables are named after the module (all modules share one database); a change
-- later is a new file, V2__..., never an edit of this one.
create sequence ${prefix}_item_seq start with 1 increment by 1;

create table ${prefix}_item (
    id          bigint        primary key,
    name        varchar(120)  not null,
    description varchar(2000),
    created_at  timestamp with time zone not null
);

create index ${prefix}_item_created on ${prefix}_item (created_at);
