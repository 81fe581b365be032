-- autopush: the node's last heartbeat said [cluster] autopush = true (push every local publish to the origin region).
ALTER TABLE nodes ADD COLUMN autopush BOOLEAN NOT NULL DEFAULT FALSE;
