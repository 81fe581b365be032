-- Node registry: one row per media agent, written by its heartbeats (every 2 s) and by the node API.
-- Same columns as the PostgreSQL migration (see there for their meaning, and why agent_token is stored);
-- timestamps are epoch milliseconds as in V1.
CREATE TABLE nodes (
    alias               TEXT    NOT NULL PRIMARY KEY,
    region              TEXT,
    reported_region     TEXT    NOT NULL DEFAULT '',
    public_url          TEXT,
    secret_hash         TEXT    NOT NULL,
    agent_token         TEXT,
    last_heartbeat      INTEGER,
    max_viewers         INTEGER,
    each_stream_max_sub INTEGER,
    load_json           TEXT,
    streams_json        TEXT    NOT NULL DEFAULT '[]',
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL
);
