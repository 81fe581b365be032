-- Node registry: one row per media agent, written by its heartbeats (every 2 s) and by the node API.
-- Shared by every control-plane instance on this database: routing state is here, not in a process.
--   region           set through POST/PUT /api/nodes; NULL = use reported_region
--   reported_region  what the node's last heartbeat said ('' = none)
--   secret_hash      lower-case hex SHA-256 of the node's secret (never the secret)
--   agent_token      the bearer token the control plane must present to this agent's API, as the agent sent it
--                    in its heartbeat. Stored in clear because the control plane has to send it (a hash would
--                    be useless) and any control-plane instance may be the one that calls the agent. It is only
--                    ever sent to that agent (its public_url), never answered by the API nor logged.
--   load_json        NodeLoad of the last heartbeat as JSON text; streams_json: its StreamSnapshot list
CREATE TABLE nodes (
    alias               TEXT        NOT NULL PRIMARY KEY,
    region              TEXT,
    reported_region     TEXT        NOT NULL DEFAULT '',
    public_url          TEXT,
    secret_hash         TEXT        NOT NULL,
    agent_token         TEXT,
    last_heartbeat      TIMESTAMPTZ,
    max_viewers         INTEGER,
    each_stream_max_sub INTEGER,
    load_json           TEXT,
    streams_json        TEXT        NOT NULL DEFAULT '[]',
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL
);
