-- The archive catalogue. Objects live in the object store; these tables say what they are.

create table record (
    id                 uuid primary key,
    -- PENDING: objects being written (ingest protocol step 1); ACTIVE; DISPOSED: a tombstone.
    state              text not null check (state in ('PENDING', 'ACTIVE', 'DISPOSED')),
    fond_code          text not null,
    file_code          text not null,
    number_symbol      text not null,
    document_date      date not null,
    document_type      text not null,
    issuer             text not null,
    subject            text not null,
    signer             text,
    language           text not null,
    page_count         integer,
    keywords           text[] not null default '{}',
    access_regime      text not null,
    confidence_level   text not null,
    preservation_years integer,            -- null: permanent
    disposable_from    date,               -- null: permanent
    legal_hold         boolean not null default false,
    document_id        text,               -- the identifier a verification QR code carries
    original_name      text not null,
    media_type         text not null,
    original_size      bigint not null,
    original_sha256    text not null,
    original_sha512    text not null,
    verdict            text,
    validated_at       timestamptz,
    level_at_ingest    text,
    augmented          boolean not null default false,
    last_timestamp     timestamptz,
    renew_by           timestamptz,
    ingested_at        timestamptz not null,
    ingested_by        text not null,
    last_fixity_at     timestamptz,
    extracted_text     text,
    -- Search text folded to plain ASCII letters (diacritics and đ removed) in Java, so the same
    -- folding applies to queries and needs no database extension.
    search_folded      text not null default '',
    search_exact       text not null default '',
    search_vector      tsvector generated always as (to_tsvector('simple', search_folded)) stored,
    exact_vector       tsvector generated always as (to_tsvector('simple', search_exact)) stored
);

-- The same bytes are archived once (a disposed record's bytes may come back).
create unique index record_sha256_live on record (original_sha256) where state <> 'DISPOSED';
create index record_document_id on record (document_id) where document_id is not null;
create index record_fond_file on record (fond_code, file_code);
create index record_date on record (document_date);
create index record_search on record using gin (search_vector);
create index record_exact on record using gin (exact_vector);

create table record_object (
    record_id   uuid not null references record (id),
    role        text not null,      -- original, augmented, validation, validation-etsi, manifest
    generation  integer not null,   -- renewals add a new generation; objects are never overwritten
    object_key  text not null unique,
    name        text not null,
    media_type  text not null,
    size        bigint not null,
    sha256      text not null,
    sha512      text not null,
    stored_at   timestamptz not null,
    primary key (record_id, role, generation)
);

create table record_event (
    id         bigserial primary key,
    record_id  uuid not null references record (id),
    at         timestamptz not null,
    kind       text not null,
    outcome    text not null,
    detail     text,
    actor      text not null
);
create index record_event_record on record_event (record_id, id);

create table job_run (
    id           bigserial primary key,
    kind         text not null,
    state        text not null check (state in ('RUNNING', 'DONE', 'FAILED', 'INTERRUPTED')),
    total        integer not null default 0,
    processed    integer not null default 0,
    failed       integer not null default 0,
    -- Records are visited in id order; a resumed run starts after the last one done.
    last_record  uuid,
    started_at   timestamptz not null,
    finished_at  timestamptz,
    heartbeat_at timestamptz not null,
    message      text
);
create unique index job_run_one_running on job_run (kind) where state = 'RUNNING';

create table disposal_list (
    id          bigserial primary key,
    state       text not null check (state in ('PROPOSED', 'DISPOSED')),
    created_at  timestamptz not null,
    created_by  text not null,
    approved_at timestamptz,
    approved_by text
);

create table disposal_item (
    list_id         bigint not null references disposal_list (id),
    record_id       uuid not null references record (id),
    number_symbol   text not null,
    subject         text not null,
    sha256          text not null,
    disposable_from date not null,
    primary key (list_id, record_id)
);
