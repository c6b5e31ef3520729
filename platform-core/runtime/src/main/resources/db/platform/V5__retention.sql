-- How long each module's kind of personal data is kept, where an admin set it (else the module's default).
create table platform_retention (
    module_id   varchar(100) not null,
    dataset     varchar(100) not null,
    days        int          not null,
    changed_at  timestamp    not null,
    changed_by  varchar(100) not null,
    primary key (module_id, dataset)
);
