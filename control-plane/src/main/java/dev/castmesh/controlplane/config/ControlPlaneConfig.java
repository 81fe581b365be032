package dev.castmesh.controlplane.config;

import dev.castmesh.controlplane.auth.AuthConfig;
import dev.castmesh.controlplane.database.DatabaseConfig;

/** The whole control-plane TOML file, one record per section; missing sections take their defaults. */
public record ControlPlaneConfig(HttpConfig http, DatabaseConfig database, AuthConfig auth) {

    public ControlPlaneConfig {
        http = http == null ? HttpConfig.defaults() : http;
        database = database == null ? DatabaseConfig.defaults() : database;
        auth = auth == null ? AuthConfig.open() : auth;
    }

    public static ControlPlaneConfig defaults() {
        return new ControlPlaneConfig(null, null, null);
    }
}
