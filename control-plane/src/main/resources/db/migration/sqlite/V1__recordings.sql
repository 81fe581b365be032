-- Recordings index (Liveman): stream + date -> the DASH manifest in storage.
-- SQLite has no UUID or timestamp type:
--   id         the UUID as its canonical 36-character text;
--   created_at / updated_at  epoch milliseconds (UTC instants). The service truncates every Instant to
--              milliseconds before it writes, so what is read back equals what was written, and integers
--              order exactly like the instants they encode.
CREATE TABLE recordings (
    id         TEXT    NOT NULL PRIMARY KEY,
    stream     TEXT    NOT NULL,
    year       INTEGER NOT NULL,
    month      INTEGER NOT NULL,
    day        INTEGER NOT NULL,
    mpd_path   TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    CONSTRAINT recordings_stream_date UNIQUE (stream, year, month, day)
);
