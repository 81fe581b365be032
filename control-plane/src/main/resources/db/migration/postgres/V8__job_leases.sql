-- Leases of cluster-wide periodic jobs (the recordings reconcile): the instance that takes a job's expired lease runs
-- it, once per lease, however many control planes share this database.
--   holder       the instance that took it last (a random id per process)
--   lease_until  nobody else takes it before then
CREATE TABLE job_leases (
    name        TEXT        PRIMARY KEY,
    holder      TEXT        NOT NULL,
    lease_until TIMESTAMPTZ NOT NULL
);
