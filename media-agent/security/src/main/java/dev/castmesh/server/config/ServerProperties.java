package dev.castmesh.server.config;

import java.util.HashMap;
import java.util.Map;

/** The Micronaut properties that name a server and bind its HTTP listener, as both servers start. */
public final class ServerProperties {
    private ServerProperties() {
    }

    /** A mutable map, for the server to add its own properties to. */
    public static Map<String, Object> of(String applicationName, String host, int port) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.application.name", applicationName);
        properties.put("micronaut.server.host", host);
        // Micronaut reads -1 as "any free port"; our TOML says 0 like every other server.
        properties.put("micronaut.server.port", port == 0 ? -1 : port);
        return properties;
    }
}
