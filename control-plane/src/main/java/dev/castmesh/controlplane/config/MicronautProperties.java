package dev.castmesh.controlplane.config;

import dev.castmesh.security.SecurityProperties;

import java.util.HashMap;
import java.util.Map;

/** Translates our TOML config into the Micronaut properties that drive the server, security and the data source. */
public final class MicronautProperties {
    private MicronautProperties() {
    }

    public static Map<String, Object> of(ControlPlaneConfig config) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.application.name", "castmesh-control-plane");
        properties.put("micronaut.server.host", config.http().host());
        // Micronaut reads -1 as "any free port"; our TOML says 0 like every other server.
        properties.put("micronaut.server.port", config.http().port() == 0 ? -1 : config.http().port());
        properties.putAll(SecurityProperties.of(config.auth()));
        return properties;
    }
}
