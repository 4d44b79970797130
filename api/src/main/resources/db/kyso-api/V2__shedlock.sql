-- ShedLock's table (ADR 0031, ClusterJobs): one row per scheduled job, held by the instance running its
-- tick. "if not exists": services before this migration created the same table at start, and such a
-- database must migrate as it is, its rows kept.
create table if not exists kyso_shedlock (
    name      varchar(64)  primary key,
    lock_until timestamp   not null,
    locked_at timestamp    not null,
    locked_by varchar(255) not null
);
