-- autopush: see the PostgreSQL migration; 0/1 as SQLite keeps booleans.
ALTER TABLE nodes ADD COLUMN autopush BOOLEAN NOT NULL DEFAULT 0;
