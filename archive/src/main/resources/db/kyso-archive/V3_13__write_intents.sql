-- Issue #13: write intent. A row saying "this key is being written" goes in before the object is put,
-- so the recovery sweep never takes fresh evidence whose catalogue row is not written yet for an orphan.
-- Removed once the object's catalogue row is written (or by the sweep, once the intent is older than
-- the recovery grace: completed if the catalogue names the key, abandoned and its object removed if not).
create table object_intent (
    object_key text primary key,
    record_id  uuid not null,
    purpose    text not null,
    created_at timestamptz not null
);
create index object_intent_created_at on object_intent (created_at);
