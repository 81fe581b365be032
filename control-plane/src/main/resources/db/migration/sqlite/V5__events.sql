-- Cluster events for GET /api/sse/events (see the PostgreSQL migration); occurred_at in epoch milliseconds as in V1.
CREATE TABLE events (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    type        TEXT    NOT NULL,
    occurred_at INTEGER NOT NULL,
    node        TEXT,
    stream      TEXT,
    data        TEXT    NOT NULL DEFAULT '{}'
);
