package dev.castmesh.api.ice;

import java.util.List;
import java.util.Objects;

/**
 * A STUN or TURN server as WebRTC's {@code RTCIceServer} and TOML's {@code [[ice_servers]]} describe it.
 *
 * @param urls       {@code stun:}, {@code turn:} or {@code turns:} URIs
 * @param username   TURN username, or null
 * @param credential TURN password, or null
 */
public record IceServer(List<String> urls, String username, String credential) {

    public IceServer {
        Objects.requireNonNull(urls, "urls");
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("an ICE server needs at least one url");
        }
        for (String url : urls) {
            if (!url.startsWith("stun:") && !url.startsWith("turn:") && !url.startsWith("turns:")) {
                throw new IllegalArgumentException("ICE server url must start with stun:, turn: or turns:, got '" + url + "'");
            }
        }
        username = username == null || username.isEmpty() ? null : username;
        credential = credential == null || credential.isEmpty() ? null : credential;
    }

    public static IceServer stun(String url) {
        return new IceServer(List.of(url), null, null);
    }

    public boolean hasCredentials() {
        return username != null && credential != null;
    }

    @Override
    public String toString() {
        return "IceServer[urls=" + urls + (hasCredentials() ? ", username=" + username + ", credential=***" : "") + "]";
    }
}
