-- The clerk's outgoing letters (Decree 30/2020/ND-CP) between upload and archiving, with who did what when.
create table kyso_letter (
    id            uuid primary key,
    state         varchar(20)  not null,
    subject       text         not null,
    document_type varchar(100) not null,
    file_code     varchar(80)  not null,
    preservation  varchar(20)  not null,
    access_regime varchar(30),
    keywords      text,
    original_name varchar(200) not null,
    page_count    integer,
    signer        varchar(200),
    organisation  varchar(300),
    number_symbol varchar(100),
    document_date date,
    record_id     varchar(64),
    pdf           bytea        not null,
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null
);

create index kyso_letter_updated on kyso_letter (updated_at desc);

create table kyso_letter_event (
    id        bigserial primary key,
    letter_id uuid         not null references kyso_letter (id),
    at        timestamptz  not null,
    actor     varchar(200) not null,
    action    varchar(30)  not null,
    key_id    varchar(100),
    name      varchar(300),
    detail    text
);

create index kyso_letter_event_letter on kyso_letter_event (letter_id, id);
