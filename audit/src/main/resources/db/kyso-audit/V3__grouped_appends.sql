-- Grouped appends (docs/audit.md): one commit inserts several entries and moves the head past all of
-- them, so the head moves forward by one or more entries, never back.
create or replace function kyso_audit_head_forward() returns trigger language plpgsql as $$
begin
    if tg_op <> 'UPDATE' or new.sequence <= old.sequence then
        raise exception 'the audit chain head only moves forward' using errcode = '42501';
    end if;
    return new;
end;
$$;

-- At commit, every entry inserted must be covered by the head, and the head must name an entry that
-- exists with its hash. So a role that may insert cannot add a row past the head (an entry the chain
-- never acknowledged), and cannot move the head without the entry it names; checked at commit, since
-- the application inserts the entries and moves the head in one statement.
create function kyso_audit_entry_within_head() returns trigger language plpgsql as $$
begin
    if not exists (select 1 from kyso_audit_head h where h.id = 1 and h.sequence >= new.sequence) then
        raise exception 'audit entry % lies past the chain head: refused', new.sequence using errcode = '42501';
    end if;
    return null;
end;
$$;
create constraint trigger kyso_audit_entry_within_head after insert on kyso_audit_entry
    deferrable initially deferred for each row execute function kyso_audit_entry_within_head();

create function kyso_audit_head_names_entry() returns trigger language plpgsql as $$
begin
    if not exists (select 1 from kyso_audit_entry e where e.sequence = new.sequence and e.hash = new.hash) then
        raise exception 'the audit chain head names entry % which does not exist with that hash: refused',
            new.sequence using errcode = '42501';
    end if;
    return null;
end;
$$;
create constraint trigger kyso_audit_head_names_entry after update on kyso_audit_head
    deferrable initially deferred for each row execute function kyso_audit_head_names_entry();
