-- The pages' login sessions (ADR 0031), shared by every instance: Spring Session JDBC's own PostgreSQL
-- schema under the service's table names (spring.session.jdbc.table-name: kyso_session; the attributes
-- table is that name + "_attributes"). Times are epoch milliseconds, as Spring Session writes them.
create table kyso_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint kyso_session_pk primary key (primary_id)
);

create unique index kyso_session_ix1 on kyso_session (session_id);
create index kyso_session_ix2 on kyso_session (expiry_time);
create index kyso_session_ix3 on kyso_session (principal_name);

create table kyso_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint kyso_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint kyso_session_attributes_fk foreign key (session_primary_id) references kyso_session (primary_id)
        on delete cascade
);
