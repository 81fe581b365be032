-- Node identity (issue 10).
--   secret_hash  now also holds the hash of the per-node credential a node got when the cluster secret enrolled it
--                (its first heartbeat); the cluster secret no longer matches an enrolled node.
--   grant_key    the HS256 key the agent reported (NodeHeartbeat.grantKey) for the stream-scoped, short-lived JWTs the
--                control plane mints for the other end of a cascade leg. In clear for the same reason as agent_token:
--                the control plane has to sign with it. Never answered by the API nor logged.
ALTER TABLE nodes ADD COLUMN grant_key TEXT;
