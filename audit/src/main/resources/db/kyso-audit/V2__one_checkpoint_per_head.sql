-- At most one checkpoint per chain head (issue #13): several instances run the checkpoint job, and the
-- database, not luck, decides which of two concurrent checkpoints of the same head is kept. Trails from
-- before this migration may already hold two checkpoints of one head; rows are append-only, so those
-- stay and the index covers the rows stored from now on.
do $$
declare
    last_id bigint;
begin
    select coalesce(max(id), 0) into last_id from kyso_audit_checkpoint;
    execute format('create unique index kyso_audit_checkpoint_one_per_head on kyso_audit_checkpoint (sequence)'
        || ' where id > %s', last_id);
end;
$$;
