-- A module role may be limited to nodes of the administrative tree (courier-stations.manager@武侯区/玉林街道),
-- one grant per node: room for an operator who works in many communities.
alter table platform_account alter column roles set data type varchar(4000);

-- Failed sign-ins of existing accounts, in the database so that every node of a city counts them:
-- five within 15 minutes lock the account on all of them. A success clears them.
create table platform_sign_in_failure (
    username  varchar(100) not null,
    failed_at timestamp    not null
);
create index platform_sign_in_failure_user on platform_sign_in_failure (username, failed_at);
