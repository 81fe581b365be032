package dev.castmesh.controlplane.config;

import dev.castmesh.controlplane.database.DatabaseConfig;
import dev.castmesh.controlplane.database.DatabaseUrl;
import dev.castmesh.security.SecurityProperties;
import dev.castmesh.server.config.ServerProperties;

import java.util.Map;

/**
 * Translates our TOML config into the Micronaut properties that drive the server, security, the data source, Flyway and the
 * management endpoints. Database credentials are not properties (see {@code DataSourceCredentials}).
 */
public final class MicronautProperties {
    private MicronautProperties() {
    }

    public static Map<String, Object> of(ControlPlaneConfig config) {
        Map<String, Object> properties = ServerProperties.of("castmesh-control-plane", config.http().host(),
                config.http().port());
        properties.putAll(SecurityProperties.of(config.auth()));
        cors(properties, config.http());
        database(properties, config.database());
        management(properties);
        properties.put("endpoints.health.details-visible", SecurityProperties.healthDetails(config.auth()));
        return properties;
    }

    /**
     * CORS from any origin, as browser WHIP/WHEP players need (credentials are bearer tokens, never cookies); the admin
     * API is narrowed to {@code [http] cors_origins} by {@code http.AdminOriginFilter}. No localhost pass-through:
     * Micronaut's guard against drive-by requests from web pages to a control plane on localhost stays on.
     */
    private static void cors(Map<String, Object> properties, HttpConfig http) {
        properties.put("micronaut.server.cors.enabled", http.cors());
        properties.put("micronaut.server.cors.localhost-pass-through", false);
    }

    private static void database(Map<String, Object> properties, DatabaseConfig database) {
        DatabaseUrl url = database.parsedUrl();
        String prefix = "datasources.default.";
        properties.put(prefix + "url", url.jdbcUrl(database.connectTimeout()));
        properties.put(prefix + "driver-class-name", url.driverClassName());
        properties.put(prefix + "dialect", "POSTGRES");
        properties.put(prefix + "schema-generate", "NONE");
        properties.put(prefix + "pool-name", "castmesh-db");
        properties.put(prefix + "maximum-pool-size", url.poolSize(database.maxConnections()));
        properties.put(prefix + "connection-timeout", database.connectTimeout().toMillis());
        // The pool sets the read-only flag on every new connection; it must match how SQLite opened the file.
        properties.put(prefix + "read-only", url.readOnly());
        if (url.poolSize(database.maxConnections()) == 1) {
            // An in-memory SQLite database lives in its one connection: never retire it.
            properties.put(prefix + "max-lifetime", 0);
            properties.put(prefix + "idle-timeout", 0);
        }
        properties.put("flyway.datasources.default.enabled", true);
        properties.put("flyway.datasources.default.locations", url.migrations());
    }

    /** {@code GET /health} (with the database) and {@code GET /metrics} (Prometheus text); nothing else. */
    private static void management(Map<String, Object> properties) {
        properties.put("endpoints.all.enabled", false);
        properties.put("endpoints.health.enabled", true);
        properties.put("endpoints.health.sensitive", false);
        properties.put("endpoints.health.disk-space.enabled", false);
        properties.put("endpoints.health.discovery-client.enabled", false);
        properties.put("endpoints.prometheus.enabled", true);
        properties.put("endpoints.prometheus.sensitive", false);
        properties.put("endpoints.prometheus.path", "/metrics");
        properties.put("micronaut.metrics.enabled", true);
        properties.put("micronaut.metrics.export.prometheus.enabled", true);
        properties.put("micronaut.metrics.export.prometheus.descriptions", true);
    }
}
