-- Node identity (issue 10): see the PostgreSQL migration for the meaning of secret_hash and grant_key.
ALTER TABLE nodes ADD COLUMN grant_key TEXT;
