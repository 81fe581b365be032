package dev.castmesh.agent.media;

import dev.castmesh.api.ice.IceServer;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code [[ice_servers]]} in the form the media engine hands to webrtcbin: {@code stun:host:port} as is,
 * {@code turn:host:port} with the credentials folded in ({@code turn:user:pass@host:port}). TURN URLs
 * without credentials are skipped: webrtcbin cannot use them. The result holds secrets: never log it.
 */
public final class EngineUrls {
    private EngineUrls() {
    }

    public static List<String> of(List<IceServer> servers) {
        List<String> urls = new ArrayList<>();
        for (IceServer server : servers) {
            for (String url : server.urls()) {
                if (url.startsWith("stun:")) {
                    urls.add(url);
                } else if (server.hasCredentials()) {
                    int colon = url.indexOf(':');
                    urls.add(url.substring(0, colon + 1) + encode(server.username()) + ":" + encode(server.credential())
                            + "@" + url.substring(colon + 1));
                }
            }
        }
        return urls;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
