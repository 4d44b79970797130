-- The ledger of received edXML messages (docs/edxml.md): one row per message key, a claim until the
-- message is received. "if not exists": services before this migration created the same table at first
-- use, and such a database must migrate as it is.
create table if not exists kyso_exchange_received (
    message_key text        primary key,
    claimed_at  timestamptz not null,
    received_at timestamptz,
    records     text
);
