package dev.castmesh.controlplane.config;

import dev.castmesh.controlplane.database.DatabaseConfig;
import dev.castmesh.server.config.ConfigException;
import dev.castmesh.server.config.TomlConfigLoader;
import dev.castmesh.storage.StorageType;

import java.nio.file.Path;
import java.util.Map;

/** Loads {@code control-plane.toml} and applies the environment overrides the seed documents ({@code PORT}, {@code DATABASE_URL}). */
public final class ControlPlaneConfigLoader {
    private final TomlConfigLoader toml = new TomlConfigLoader();
    private final Map<String, String> env;

    public ControlPlaneConfigLoader(Map<String, String> env) {
        this.env = env;
    }

    public ControlPlaneConfig load(Path file) {
        if (file == null) {
            return withEnvironment(ControlPlaneConfig.defaults(), "");
        }
        return withEnvironment(toml.read(file, ControlPlaneConfig.class), file + ": ");
    }

    public ControlPlaneConfig parse(String text) {
        return withEnvironment(toml.parse(text, ControlPlaneConfig.class), "");
    }

    /** @param origin put before errors about keys of the file, like the TOML loader does */
    private ControlPlaneConfig withEnvironment(ControlPlaneConfig config, String origin) {
        HttpConfig http = config.http();
        String port = env.get("PORT");
        if (port != null && !port.isBlank()) {
            try {
                http = http.withPort(Integer.parseInt(port.trim()));
            } catch (NumberFormatException | ConfigException e) {
                throw new ConfigException("environment variable PORT is not a port number: '" + port + "'");
            }
        }
        DatabaseConfig database = config.database();
        String databaseUrl = env.get("DATABASE_URL");
        boolean fromEnvironment = databaseUrl != null && !databaseUrl.isBlank();
        if (fromEnvironment) {
            database = database.withUrl(databaseUrl);
        }
        try {
            database.parsedUrl();
        } catch (IllegalArgumentException e) {
            throw new ConfigException((fromEnvironment ? "environment variable DATABASE_URL" : origin + "key 'database.url'")
                    + ": " + e.getMessage());
        }
        if (config.playback().signedRedirect() && config.recorder().storage().type() != StorageType.S3) {
            throw new ConfigException(origin + "key 'playback.signed_redirect': needs [recorder.storage] type = \"s3\""
                    + " (a filesystem store has no presigned URLs)");
        }
        return config.withHttp(http).withDatabase(database);
    }
}
