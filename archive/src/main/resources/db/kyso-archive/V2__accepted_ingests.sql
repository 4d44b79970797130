-- Asynchronous ingest: ACCEPTED (original stored, evidence to follow) and FAILED (could not be
-- archived; a tombstone with the reason in the history).
alter table record drop constraint record_state_check;
alter table record add constraint record_state_check
    check (state in ('PENDING', 'ACCEPTED', 'ACTIVE', 'FAILED', 'DISPOSED'));
drop index record_sha256_live;
create unique index record_sha256_live on record (original_sha256) where state not in ('DISPOSED', 'FAILED');
