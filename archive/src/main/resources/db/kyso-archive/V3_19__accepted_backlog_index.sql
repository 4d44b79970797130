-- The ingest backlog (records ACCEPTED, not yet archived) is read by the metrics gauge every scrape and by
-- the recovery job; without an index each reading scanned the whole catalogue. Partial, so it stays as
-- small as the backlog itself.
create index record_accepted on record (ingested_at) where state = 'ACCEPTED';
