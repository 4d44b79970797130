-- The audit trail (docs/audit.md). Entries and checkpoints are append-only: the application only
-- inserts, and the triggers below refuse UPDATE, DELETE and TRUNCATE from any role that has not
-- disabled them. A superuser or the table owner can still disable a trigger; that is what the hash
-- chain and the time-stamped checkpoints detect.

create table kyso_audit_entry (
    sequence       bigint primary key check (sequence >= 1),
    recorded_at    timestamptz not null,
    actor          text not null,
    action         text not null,
    target         text,
    outcome        text not null,
    detail         text,
    client_address text,
    previous_hash  bytea not null check (length(previous_hash) = 32),
    hash           bytea not null check (length(hash) = 32)
);

-- One row: the last sequence and its hash. Appends lock it (SELECT ... FOR UPDATE), which serialises
-- writers, and it lets verification notice entries cut from the end of the chain.
create table kyso_audit_head (
    id       smallint primary key check (id = 1),
    sequence bigint not null check (sequence >= 0),
    hash     bytea not null check (length(hash) = 32)
);
insert into kyso_audit_head (id, sequence, hash) values (1, 0, decode(repeat('00', 32), 'hex'));

create table kyso_audit_checkpoint (
    id             bigserial primary key,
    sequence       bigint not null check (sequence >= 0),
    head_hash      bytea not null check (length(head_hash) = 32),
    timestamped_at timestamptz not null,
    tsa            text not null,
    token          bytea not null,
    stored_at      timestamptz not null default now()
);
create index kyso_audit_checkpoint_sequence on kyso_audit_checkpoint (sequence);

create function kyso_audit_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'the audit trail is append-only: % on % refused', tg_op, tg_table_name
        using errcode = '42501';
end;
$$;

create trigger kyso_audit_entry_append_only before update or delete on kyso_audit_entry
    for each row execute function kyso_audit_refuse_change();
create trigger kyso_audit_entry_no_truncate before truncate on kyso_audit_entry
    for each statement execute function kyso_audit_refuse_change();
create trigger kyso_audit_checkpoint_append_only before update or delete on kyso_audit_checkpoint
    for each row execute function kyso_audit_refuse_change();
create trigger kyso_audit_checkpoint_no_truncate before truncate on kyso_audit_checkpoint
    for each statement execute function kyso_audit_refuse_change();
-- The head moves forward only, one entry at a time, and is never deleted.
create function kyso_audit_head_forward() returns trigger language plpgsql as $$
begin
    if tg_op <> 'UPDATE' or new.sequence <> old.sequence + 1 then
        raise exception 'the audit chain head only moves forward one entry at a time' using errcode = '42501';
    end if;
    return new;
end;
$$;
create trigger kyso_audit_head_forward before update or delete on kyso_audit_head
    for each row execute function kyso_audit_head_forward();
