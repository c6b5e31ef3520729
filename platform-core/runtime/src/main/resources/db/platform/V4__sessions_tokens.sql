-- Console sessions and API tokens. Only a SHA-256 of each secret is kept: the secrets are random
-- (256 bits), so a stolen table opens nothing. Rows outlive expiry by a day, then are purged.
create table platform_credential (
    id           varchar(36)   primary key,
    kind         varchar(10)   not null,
    secret_hash  char(64)      not null unique,
    username     varchar(100)  not null,
    name         varchar(100),
    scopes       varchar(1000),
    csrf_token   varchar(64),
    created_at   timestamp     not null,
    last_used_at timestamp     not null,
    expires_at   timestamp     not null,
    revoked_at   timestamp
);
create index platform_credential_user on platform_credential (username, kind);
