-- Prepared remote signatures (ADR 0015): one row per prepare, until complete or expiry. "if not exists":
-- services before this migration created the same table at first use, and such a database must migrate
-- as it is, its rows kept.
create table if not exists kyso_signing_pending (
    id         text        primary key,
    caller     text,
    expires_at timestamptz not null,
    size       bigint      not null,
    state      bytea       not null
);
