package dev.castmesh.controlplane.database;

import java.util.Locale;

/** The {@code mode} parameter of a {@code sqlite://} URL, with sqlx semantics; without it the file must exist. */
public enum SqliteMode {
    /** Open an existing file read-only. */
    RO(0x01),
    /** Open an existing file read-write; a missing file is an error. */
    RW(0x02),
    /** Open read-write, create the file if missing. */
    RWC(0x02 | 0x04),
    /** A private in-memory database (one connection; gone when the process ends). */
    MEMORY(0x02 | 0x04);

    private final int openFlags;

    SqliteMode(int openFlags) {
        this.openFlags = openFlags;
    }

    /** sqlite3_open_v2 flags: SQLITE_OPEN_READONLY = 1, READWRITE = 2, CREATE = 4. */
    public int openFlags() {
        return openFlags;
    }

    static SqliteMode of(String value) {
        for (SqliteMode mode : values()) {
            if (mode.name().toLowerCase(Locale.ROOT).equals(value)) {
                return mode;
            }
        }
        return null;
    }
}
