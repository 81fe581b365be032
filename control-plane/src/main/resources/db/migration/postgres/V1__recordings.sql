-- Recordings index (Liveman): stream + date -> the DASH manifest in storage.
-- Timestamps are timestamptz (microsecond precision); the service writes millisecond-truncated instants
-- so both databases return exactly what was written.
CREATE TABLE recordings (
    id         UUID        NOT NULL PRIMARY KEY,
    stream     TEXT        NOT NULL,
    year       INTEGER     NOT NULL,
    month      INTEGER     NOT NULL,
    day        INTEGER     NOT NULL,
    mpd_path   TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    CONSTRAINT recordings_stream_date UNIQUE (stream, year, month, day)
);
