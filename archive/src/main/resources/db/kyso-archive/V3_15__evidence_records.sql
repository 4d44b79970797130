-- Issue #15: RFC 4998 evidence records (ADR 0023). One row per record that has one: which generation of
-- its evidence-record object is current, under which hash, and when its newest archive time-stamp was
-- made and its TSA certificate ends (renewal adds the configured margin when it selects). group_key is the SHA-256 of that time-stamp: records stamped by the same tree share it, so
-- one TSA call renews them all. The evidence record itself is an object (role evidence-record).
create table record_evidence (
    record_id  uuid primary key references record (id) on delete cascade,
    generation integer not null,
    algorithm  text not null,
    chains     integer not null,
    group_key  text not null,
    stamped_at timestamptz not null,
    tsa_expires_at timestamptz
);
create index record_evidence_tsa_expires_at on record_evidence (tsa_expires_at);
create index record_evidence_stamped_at on record_evidence (stamped_at);
create index record_evidence_algorithm on record_evidence (algorithm);
