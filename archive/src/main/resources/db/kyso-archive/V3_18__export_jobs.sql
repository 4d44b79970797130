-- Export packages built in the background (issue #14): the state is here so that any instance answers
-- the status URL; the package itself waits in the object store under result_key until it expires.
create table export_job (
    id            bigserial primary key,
    format        text not null check (format in ('BAGIT', 'EARK')),
    record_id     text,
    fond_code     text,
    file_code     text,
    requested_by  text,
    organisation  text,
    state         text not null check (state in ('RUNNING', 'DONE', 'FAILED', 'INTERRUPTED')),
    total         integer not null default 0,
    done          integer not null default 0,
    started_at    timestamptz not null,
    heartbeat_at  timestamptz not null,
    finished_at   timestamptz,
    result_key    text,
    result_name   text,
    result_type   text,
    result_bytes  bigint not null default 0,
    error_code    text,
    message       text
);
create index export_job_expiring on export_job (finished_at) where result_key is not null;
