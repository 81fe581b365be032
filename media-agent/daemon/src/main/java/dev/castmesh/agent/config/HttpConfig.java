package dev.castmesh.agent.config;

import com.fasterxml.jackson.annotation.JsonProperty;

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
        port(listen);
    }

    public static HttpConfig defaults() {
        return new HttpConfig(null, null);
    }

    public String host() {
        return listen.substring(0, listen.lastIndexOf(':'));
    }

    public int port() {
        return port(listen);
    }

    private static int port(String listen) {
        int colon = listen.lastIndexOf(':');
        if (colon <= 0) {
            throw new ConfigException("http.listen must be host:port, got '" + listen + "'");
        }
        try {
            int port = Integer.parseInt(listen.substring(colon + 1));
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new ConfigException("http.listen has an invalid port in '" + listen + "'");
        }
    }
}
