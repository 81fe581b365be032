package dev.castmesh.controlplane.config;

import com.fasterxml.jackson.annotation.JsonProperty;

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
        port(listen);
    }

    public static HttpConfig defaults() {
        return new HttpConfig(null, null, null);
    }

    public String host() {
        return listen.substring(0, listen.lastIndexOf(':'));
    }

    public int port() {
        return port(listen);
    }

    public HttpConfig withPort(int port) {
        return new HttpConfig(host() + ":" + port, publicUrl, cors);
    }

    private static int port(String listen) {
        int colon = listen.lastIndexOf(':');
        if (colon <= 0) {
            throw new ConfigException("listen: must be host:port, got '" + listen + "'");
        }
        try {
            int port = Integer.parseInt(listen.substring(colon + 1));
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new ConfigException("listen: invalid port in '" + listen + "'");
        }
    }
}
