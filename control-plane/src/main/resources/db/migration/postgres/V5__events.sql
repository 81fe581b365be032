-- Cluster events (DESIGN.md "one event model"): what changed in the node registry, in the order it was seen.
--   id           increases over the cluster (the database sequence): clients resume with Last-Event-ID
--   type         node.online, stream.published, ... (EventType)
--   node, stream the node and stream the event is about (NULL when it is about none)
--   data         the event's details as a JSON object
CREATE TABLE events (
    id          BIGSERIAL   PRIMARY KEY,
    type        TEXT        NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    node        TEXT,
    stream      TEXT,
    data        TEXT        NOT NULL DEFAULT '{}'
);
