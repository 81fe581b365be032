package dev.castmesh.controlplane.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.castmesh.server.config.ListenAddress;

/**
 * The {@code [http]} section.
 *
 * @param listen    host:port to bind, default {@code 0.0.0.0:8888}; env {@code PORT} overrides the port;
 *                  port 0 picks a free one
 * @param publicUrl the URL clients reach the control plane at (TOML key {@code public}), may be null
 * @param cors      answer CORS preflights for browser WHIP/WHEP clients (default true)
 */
public record HttpConfig(String listen, @JsonProperty("public") String publicUrl, Boolean cors) {
    public static final String DEFAULT_LISTEN = "0.0.0.0:8888";

    public HttpConfig {
        listen = listen == null || listen.isBlank() ? DEFAULT_LISTEN : listen.trim();
        cors = cors == null || cors;
        ListenAddress.port(listen);
    }

    public static HttpConfig defaults() {
        return new HttpConfig(null, null, null);
    }

    public String host() {
        return ListenAddress.host(listen);
    }

    public int port() {
        return ListenAddress.port(listen);
    }

    public HttpConfig withPort(int port) {
        return new HttpConfig(host() + ":" + port, publicUrl, cors);
    }
}
