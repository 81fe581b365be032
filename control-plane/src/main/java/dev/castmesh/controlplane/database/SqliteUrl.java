package dev.castmesh.controlplane.database;

import java.time.Duration;

/**
 * {@code sqlite://PATH?mode=…}: {@code sqlite://./liveman.db} (relative to the working directory),
 * {@code sqlite:///var/lib/castmesh/liveman.db} (absolute), {@code sqlite::memory:}. The path is percent-decoded.
 * Without {@code mode} the file must exist, as in sqlx; the default config uses {@code mode=rwc}.
 *
 * <p>Every connection opens in WAL mode (except read-only ones) with a busy timeout equal to {@code connect_timeout}, so
 * concurrent writers wait for the lock instead of failing with SQLITE_BUSY.
 *
 * @param path   file path, null for {@link SqliteMode#MEMORY}
 * @param mode   how to open it
 * @param masked the URL as configured (SQLite URLs carry no password)
 */
public record SqliteUrl(String path, SqliteMode mode, String masked) implements DatabaseUrl {

    static SqliteUrl parse(String raw) {
        String url = DatabaseUrl.mask(raw);
        String rest = raw.substring("sqlite:".length());
        if (rest.startsWith("//")) {
            rest = rest.substring(2);
        }
        int fragment = rest.indexOf('#');
        if (fragment >= 0) {
            rest = rest.substring(0, fragment);
        }
        int question = rest.indexOf('?');
        String rawPath = question < 0 ? rest : rest.substring(0, question);
        SqliteMode mode = question < 0 ? SqliteMode.RW : parseQuery(url, rest.substring(question + 1));
        String path = PercentDecoding.decode(rawPath);
        if (path == null) {
            throw new IllegalArgumentException("invalid percent-encoding in the path of '" + url + "'");
        }
        if (path.isEmpty() || path.equals(":memory:")) {
            mode = SqliteMode.MEMORY;
        }
        if (mode == SqliteMode.MEMORY) {
            return new SqliteUrl(null, mode, url);
        }
        if (path.indexOf('?') >= 0 || path.startsWith("file:") || path.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("unsupported SQLite file name in '" + url + "'");
        }
        return new SqliteUrl(path, mode, url);
    }

    private static SqliteMode parseQuery(String url, String query) {
        SqliteMode mode = SqliteMode.RW;
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            if (!key.equals("mode")) {
                throw new IllegalArgumentException("unsupported SQLite URL parameter '" + key + "' in '" + url
                        + "' (supported: mode=ro|rw|rwc|memory)");
            }
            mode = SqliteMode.of(value);
            if (mode == null) {
                throw new IllegalArgumentException("SQLite mode must be ro, rw, rwc or memory, got '" + value
                        + "' in '" + url + "'");
            }
        }
        return mode;
    }

    @Override
    public String jdbcUrl(Duration timeout) {
        StringBuilder jdbc = new StringBuilder("jdbc:sqlite:").append(mode == SqliteMode.MEMORY ? ":memory:" : path);
        jdbc.append("?open_mode=").append(mode.openFlags());
        jdbc.append("&busy_timeout=").append(Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
        if (mode != SqliteMode.RO && mode != SqliteMode.MEMORY) {
            jdbc.append("&journal_mode=WAL");
        }
        return jdbc.toString();
    }

    @Override
    public String driverClassName() {
        return "org.sqlite.JDBC";
    }

    @Override
    public String username() {
        return null;
    }

    @Override
    public String password() {
        return null;
    }

    @Override
    public String migrations() {
        return "classpath:db/migration/sqlite";
    }

    @Override
    public boolean readOnly() {
        return mode == SqliteMode.RO;
    }

    /** An in-memory database lives in its one connection, so the pool holds exactly one. */
    @Override
    public int poolSize(int maxConnections) {
        return mode == SqliteMode.MEMORY ? 1 : maxConnections;
    }

    @Override
    public String toString() {
        return masked;
    }
}
