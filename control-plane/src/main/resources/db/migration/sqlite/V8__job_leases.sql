-- Leases of cluster-wide periodic jobs (see the PostgreSQL migration); lease_until in epoch milliseconds as in V1.
CREATE TABLE job_leases (
    name        TEXT    PRIMARY KEY,
    holder      TEXT    NOT NULL,
    lease_until INTEGER NOT NULL
);
