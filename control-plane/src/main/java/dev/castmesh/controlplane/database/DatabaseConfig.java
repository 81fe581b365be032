package dev.castmesh.controlplane.database;

import java.time.Duration;

/**
 * The {@code [database]} section (Liveman keys). Env {@code DATABASE_URL} wins over {@code url}.
 *
 * @param url            {@code sqlite://PATH[?mode=rwc]} or {@code postgresql://user:password@host:port/db}
 * @param maxConnections pool size
 * @param connectTimeout how long to wait for a connection
 */
public record DatabaseConfig(String url, Integer maxConnections, Duration connectTimeout) {
    public static final String DEFAULT_URL = "sqlite://./liveman.db?mode=rwc";

    public DatabaseConfig {
        url = url == null || url.isBlank() ? DEFAULT_URL : url;
        maxConnections = maxConnections == null ? 10 : maxConnections;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(30) : connectTimeout;
    }

    public static DatabaseConfig defaults() {
        return new DatabaseConfig(null, null, null);
    }
}
