package dev.castmesh.gst.webrtc;

import com.sun.jna.ptr.IntByReference;
import org.freedesktop.gstreamer.Element;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * STUN and TURN servers for webrtcbin. Accepts RFC 7064/7065 style ({@code stun:host:port},
 * {@code turn:user:pass@host:port?transport=udp}) and webrtcbin style ({@code stun://host:port},
 * {@code turn://user:pass@host:port}). TURN URLs must carry their credentials. webrtcbin takes one
 * STUN server: the first wins. URLs are never logged (TURN URLs hold secrets).
 */
public record IceServers(Optional<String> stunServer, List<String> turnServers) {

    public IceServers {
        turnServers = List.copyOf(turnServers);
    }

    public static IceServers none() {
        return new IceServers(Optional.empty(), List.of());
    }

    public static IceServers fromUrls(List<String> urls) {
        String stun = null;
        List<String> turn = new ArrayList<>();
        for (String raw : urls) {
            String url = raw.trim();
            String lower = url.toLowerCase(Locale.ROOT);
            if (lower.startsWith("stun:") || lower.startsWith("stuns:")) {
                if (stun == null) {
                    stun = normalise(url);
                }
            } else if (lower.startsWith("turn:") || lower.startsWith("turns:")) {
                turn.add(normalise(url));
            } else {
                throw new IllegalArgumentException("unsupported ICE server URL scheme (expected stun:, turn: or turns:)");
            }
        }
        return new IceServers(Optional.ofNullable(stun), turn);
    }

    /**
     * A TURN URL with credentials in the form webrtcbin reads ({@code turn://user:pass@host:port?...}),
     * user and password percent-encoded (coturn REST user names contain ':').
     *
     * @param url {@code turn:host:port?transport=udp} (or turns:, or with //)
     */
    public static String turnUrl(String url, String username, String credential) {
        String normalised = normalise(url.trim());
        int hostStart = normalised.indexOf("://") + 3;
        String host = normalised.substring(hostStart);
        int at = host.lastIndexOf('@');
        if (at >= 0) {
            host = host.substring(at + 1);
        }
        return normalised.substring(0, hostStart) + encode(username) + ":" + encode(credential) + "@" + host;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** {@code scheme:rest} or {@code scheme://rest} to {@code scheme://rest}. */
    static String normalise(String url) {
        int colon = url.indexOf(':');
        String scheme = url.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = url.substring(colon + 1);
        while (rest.startsWith("/")) {
            rest = rest.substring(1);
        }
        return scheme + "://" + rest;
    }

    void applyTo(Element webrtcbin) {
        stunServer.ifPresent(s -> webrtcbin.set("stun-server", s));
        for (String t : turnServers) {
            webrtcbin.emit("add-turn-server", t, new IntByReference());
        }
    }
}
