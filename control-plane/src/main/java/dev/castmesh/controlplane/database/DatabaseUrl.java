package dev.castmesh.controlplane.database;

import java.time.Duration;
import java.util.Locale;

/**
 * A Liveman/SeaORM style database URL translated to JDBC: {@code sqlite://PATH?mode=ro|rw|rwc|memory} or
 * {@code postgresql://user:password@host:port/db?param=value} ({@code postgres://} too). Pure: no I/O.
 * {@link #toString()} and every message show the URL with the password masked.
 */
public sealed interface DatabaseUrl permits SqliteUrl, PostgresUrl {

    /**
     * Parses a URL.
     *
     * @throws IllegalArgumentException with a one-line message that quotes the masked URL
     */
    static DatabaseUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("database URL is empty");
        }
        String trimmed = url.trim();
        int colon = trimmed.indexOf(':');
        String scheme = colon <= 0 ? "" : trimmed.substring(0, colon).toLowerCase(Locale.ROOT);
        return switch (scheme) {
            case "sqlite" -> SqliteUrl.parse(trimmed);
            case "postgresql", "postgres" -> PostgresUrl.parse(trimmed);
            default -> throw new IllegalArgumentException((colon <= 0 ? "not a database URL" : "unsupported database scheme '"
                    + scheme + "'") + " in '" + mask(trimmed) + "' (use sqlite://PATH or postgresql://user:password@host:port/db)");
        };
    }

    /** The URL as configured, password replaced by {@code ***}: safe for logs and messages. */
    String masked();

    /** The JDBC URL, without credentials; {@code timeout} is the configured {@code connect_timeout}. */
    String jdbcUrl(Duration timeout);

    String driverClassName();

    /** User name for the driver, or null. */
    String username();

    /** Password for the driver, or null. Never log it. */
    String password();

    /** The Flyway location holding this database's migrations. */
    String migrations();

    /** Whether connections are opened read-only ({@code sqlite://…?mode=ro}). */
    default boolean readOnly() {
        return false;
    }

    /** Pool size to use for the configured {@code max_connections}. */
    int poolSize(int maxConnections);

    /** The URL with its password (user info and {@code password=} parameter) replaced by {@code ***}. */
    static String mask(String url) {
        return UrlMasking.maskUrl(url);
    }

    /** Masks every {@code scheme://user:password@} and {@code password=} in a free text such as a driver error. */
    static String maskText(String text) {
        return UrlMasking.maskText(text);
    }
}
