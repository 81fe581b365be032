package dev.castmesh.controlplane.database;

import java.time.Duration;

/**
 * The {@code [database]} section (Liveman keys). Env {@code DATABASE_URL} wins over {@code url}.
 *
 * @param url            {@code sqlite://PATH[?mode=ro|rw|rwc|memory]} or {@code postgresql://user:password@host:port/db};
 *                       see {@link SqliteUrl} and {@link PostgresUrl}
 * @param maxConnections pool size (default 10)
 * @param connectTimeout how long to wait for a connection from the pool or the server, and on SQLite for a
 *                       lock held by another writer (default 30 s, at least 1 s)
 */
public record DatabaseConfig(String url, Integer maxConnections, Duration connectTimeout) {
    public static final String DEFAULT_URL = "sqlite://./liveman.db?mode=rwc";

    public DatabaseConfig {
        url = url == null || url.isBlank() ? DEFAULT_URL : url.trim();
        maxConnections = maxConnections == null ? 10 : maxConnections;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(30) : connectTimeout;
        if (maxConnections < 1) {
            throw new IllegalArgumentException("max_connections: must be at least 1, got " + maxConnections);
        }
        if (connectTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("connect_timeout: must be at least 1 second");
        }
    }

    public static DatabaseConfig defaults() {
        return new DatabaseConfig(null, null, null);
    }

    /** The URL translated for JDBC. @throws IllegalArgumentException naming the masked URL */
    public DatabaseUrl parsedUrl() {
        return DatabaseUrl.parse(url);
    }

    public DatabaseConfig withUrl(String newUrl) {
        return new DatabaseConfig(newUrl, maxConnections, connectTimeout);
    }

    @Override
    public String toString() {
        return "DatabaseConfig[url=" + DatabaseUrl.mask(url) + ", maxConnections=" + maxConnections
                + ", connectTimeout=" + connectTimeout + "]";
    }
}
