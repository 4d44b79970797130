-- Issue #12: Decree 30 Appendix VI metadata and the file (hồ sơ) as a record of its own.

-- The further Appendix VI fields of a document (number and notation apart, signer's position,
-- urgency, secrecy, recipients, arrival): shown and exported, never searched on their own.
alter table record add column description jsonb;

-- A file (hồ sơ): opened, filled with documents (records with its fond and file code), closed.
create table archive_file (
    fond_code          text not null,
    file_code          text not null,       -- organ_id.file_year.notation
    organ_id           text not null,       -- OrganId S13
    file_year          integer not null,    -- FileCatalog N4: the year the file was formed
    notation           text not null,       -- FileNotation S20, may contain '/'
    title              text not null,       -- Title S500
    preservation_years integer,             -- Maintenance; null: permanent
    rights             text not null check (rights in ('PUBLIC', 'CONDITIONAL', 'SECRET')),
    creator            text not null,       -- Creator S30
    language           text not null,
    description        text,                -- Description S500
    state              text not null check (state in ('OPEN', 'CLOSED')),
    start_date         date,
    end_date           date,
    doc_total          integer,             -- fixed when the file is closed
    page_total         integer,
    opened_at          timestamptz not null,
    opened_by          text not null,
    closed_at          timestamptz,
    closed_by          text,
    -- Retention counts from the end of this year (Circular 10/2022/TT-BNV), not from the documents' dates.
    closed_year        integer,
    primary key (fond_code, file_code)
);
