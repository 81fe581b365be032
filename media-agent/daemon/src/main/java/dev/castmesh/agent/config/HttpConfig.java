package dev.castmesh.agent.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.castmesh.server.config.ListenAddress;

/**
 * The agent's {@code [http]} section.
 *
 * @param listen    host:port to bind, default {@code 0.0.0.0:7777}; port 0 picks a free one
 * @param publicUrl the URL the control plane and clients reach this agent at (TOML key {@code public})
 */
public record HttpConfig(String listen, @JsonProperty("public") String publicUrl) {
    public static final String DEFAULT_LISTEN = "0.0.0.0:7777";

    public HttpConfig {
        listen = listen == null || listen.isBlank() ? DEFAULT_LISTEN : listen.trim();
        ListenAddress.port(listen);
    }

    public static HttpConfig defaults() {
        return new HttpConfig(null, null);
    }

    public String host() {
        return ListenAddress.host(listen);
    }

    public int port() {
        return ListenAddress.port(listen);
    }
}
