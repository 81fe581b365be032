-- max_streams: the agent's [strategy] max_streams from its last heartbeat (NULL: not reported); see PostgreSQL's.
ALTER TABLE nodes ADD COLUMN max_streams INTEGER;
