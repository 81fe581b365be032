package dev.castmesh.controlplane.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.castmesh.server.config.ConfigException;
import dev.castmesh.server.config.ListenAddress;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code [http]} section.
 *
 * @param listen    host:port to bind, default {@code 0.0.0.0:8888}; env {@code PORT} overrides the port;
 *                  port 0 picks a free one
 * @param publicUrl the URL clients reach the control plane at (TOML key {@code public}), may be null
 * @param cors        answer CORS requests at all (default true): WHIP/WHEP, sessions and playback from any origin (as
 *                    browser players need; credentials are bearer tokens, never cookies), the admin API only from
 *                    {@code corsOrigins}
 * @param corsOrigins browser origins ({@code https://dash.example.com}, as browsers send them) allowed to call the
 *                    admin API (everything but WHIP/WHEP, sessions and playback) cross-origin; default none
 */
public record HttpConfig(String listen, @JsonProperty("public") String publicUrl, Boolean cors,
                         @JsonProperty("cors_origins") List<String> corsOrigins) {
    public static final String DEFAULT_LISTEN = "0.0.0.0:8888";

    public HttpConfig {
        listen = listen == null || listen.isBlank() ? DEFAULT_LISTEN : listen.trim();
        cors = cors == null || cors;
        ListenAddress.port(listen);
        List<String> origins = new ArrayList<>();
        List<String> given = corsOrigins == null ? List.of() : corsOrigins;
        for (int i = 0; i < given.size(); i++) {
            String origin = given.get(i) == null ? "" : given.get(i).trim();
            origin = origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
            if (!ORIGIN.matcher(origin).matches()) {
                throw new ConfigException("http.cors_origins[" + i + "] must be a browser origin such as"
                        + " \"https://dash.example.com\" or \"http://localhost:5173\" (scheme, host, optional port; no"
                        + " path), got '" + given.get(i) + "'");
            }
            origins.add(origin);
        }
        corsOrigins = List.copyOf(origins);
    }

    private static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9.\\-\\[\\]:]+?(:[0-9]{1,5})?");

    public static HttpConfig defaults() {
        return new HttpConfig(null, null, null, null);
    }

    public String host() {
        return ListenAddress.host(listen);
    }

    public int port() {
        return ListenAddress.port(listen);
    }

    public HttpConfig withPort(int port) {
        return new HttpConfig(host() + ":" + port, publicUrl, cors, corsOrigins);
    }
}
