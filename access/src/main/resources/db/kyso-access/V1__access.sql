-- The administrator's changes to access control (docs/security.md, "Changes by the administrator"): they
-- override the configuration (kyso.security.*). The history of each change is in the audit trail.

-- An HSM key's owner as the administrator set it: a person or an organisation, or neither when the
-- administrator unbound the key (which also overrides an owner from the configuration).
create table kyso_access_key_owner (
    alias        varchar(200) primary key,
    person       varchar(128),
    organisation varchar(128),
    changed_at   timestamptz  not null,
    changed_by   varchar(128) not null,
    constraint kyso_access_key_owner_one check (person is null or organisation is null)
);

-- API keys issued by the administrator (origin DATABASE), and the revocations of configured keys (origin
-- CONFIGURATION: the configured key with this id and hash stays refused while it is configured). Only the
-- SHA-256 of a secret is kept, never the secret.
create table kyso_access_api_key (
    id           varchar(64)  not null,
    key_hash     char(64)     not null,
    origin       varchar(20)  not null,
    principal    varchar(128) not null,
    organisation varchar(128),
    roles        varchar(200) not null,
    issued_at    timestamptz,
    issued_by    varchar(128),
    revoked_at   timestamptz,
    revoked_by   varchar(128),
    constraint kyso_access_api_key_pk primary key (id, key_hash),
    constraint kyso_access_api_key_origin check (origin in ('DATABASE', 'CONFIGURATION')),
    constraint kyso_access_api_key_revoked check ((revoked_at is null) = (revoked_by is null))
);

-- An issued key's id is never reused, and a secret opens one key only.
create unique index kyso_access_api_key_issued_id on kyso_access_api_key (id) where origin = 'DATABASE';
create unique index kyso_access_api_key_hash on kyso_access_api_key (key_hash);
