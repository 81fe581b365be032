package dev.castmesh.controlplane.ice;

import dev.castmesh.api.ice.IceServer;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The {@code [extra_ice]} section (Liveman): ICE servers the control plane adds to WHIP/WHEP answers.
 *
 * @param overrideUpstreamIceServers drop the agent's own {@code Link} ice servers (default false)
 * @param iceServers                 static {@code [[extra_ice.ice_servers]]}
 * @param coturn                     coturn REST credentials, or null
 * @param cloudflare                 Cloudflare TURN, or null
 */
public record ExtraIceConfig(Boolean overrideUpstreamIceServers, List<StaticServer> iceServers, Coturn coturn,
                             Cloudflare cloudflare) {

    public ExtraIceConfig {
        overrideUpstreamIceServers = overrideUpstreamIceServers != null && overrideUpstreamIceServers;
        iceServers = iceServers == null ? List.of() : List.copyOf(iceServers);
        for (int i = 0; i < iceServers.size(); i++) {
            if (iceServers.get(i) == null) {
                throw new IllegalArgumentException("ice_servers: entry " + i + " is empty");
            }
        }
    }

    public static ExtraIceConfig defaults() {
        return new ExtraIceConfig(null, null, null, null);
    }

    public List<IceServer> staticServers() {
        return iceServers.stream().map(StaticServer::toIceServer).toList();
    }

    /** {@code [[extra_ice.ice_servers]]}: {@code urls}, optional {@code username}/{@code credential}. */
    public record StaticServer(List<String> urls, String username, String credential) {
        public StaticServer {
            if (urls == null || urls.isEmpty()) {
                throw new IllegalArgumentException("urls: at least one stun:/turn:/turns: url is needed");
            }
            try {
                new IceServer(urls, username, credential);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("urls: " + e.getMessage());
            }
            if ((username == null || username.isEmpty()) != (credential == null || credential.isEmpty())) {
                throw new IllegalArgumentException("credential: username and credential go together");
            }
        }

        IceServer toIceServer() {
            return new IceServer(urls, username, credential);
        }

        @Override
        public String toString() {
            return "StaticServer[urls=" + urls + ", username=" + username + ", credential=***]";
        }
    }

    /**
     * {@code [extra_ice.coturn]}: coturn started with {@code --use-auth-secret --static-auth-secret=<secret>}.
     *
     * @param secret the static auth secret
     * @param urls   stun:/turn:/turns: urls of that coturn
     * @param ttl    how long minted credentials stay valid (default 3600 s)
     */
    public record Coturn(String secret, List<String> urls, Duration ttl) {
        public Coturn {
            if (secret == null || secret.isEmpty()) {
                throw new IllegalArgumentException("secret: coturn's --static-auth-secret is needed");
            }
            if (urls == null || urls.isEmpty()) {
                throw new IllegalArgumentException("urls: at least one stun:/turn:/turns: url is needed");
            }
            try {
                new IceServer(urls, null, null);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("urls: " + e.getMessage());
            }
            ttl = ttl == null ? Duration.ofHours(1) : ttl;
            if (ttl.compareTo(Duration.ofSeconds(60)) < 0) {
                throw new IllegalArgumentException("ttl: must be at least 60 seconds");
            }
        }

        @Override
        public String toString() {
            return "Coturn[urls=" + urls + ", ttl=" + ttl + ", secret=***]";
        }
    }

    /**
     * {@code [extra_ice.cloudflare]}: Cloudflare Realtime TURN (generate-ice-servers API).
     *
     * @param keyId    the TURN key id
     * @param apiToken the TURN key's API token
     * @param ttl      credential lifetime asked for (default 3600 s); answers are cached until 10% of it is left
     * @param apiBase  API base URL, default {@value #DEFAULT_API_BASE} (tests point it at a local server)
     */
    public record Cloudflare(String keyId, String apiToken, Duration ttl, String apiBase) {
        public static final String DEFAULT_API_BASE = "https://rtc.live.cloudflare.com/v1";

        public Cloudflare {
            keyId = keyId == null ? "" : keyId.trim();
            apiToken = apiToken == null ? "" : apiToken.trim();
            ttl = ttl == null ? Duration.ofHours(1) : ttl;
            apiBase = apiBase == null || apiBase.isBlank() ? DEFAULT_API_BASE : apiBase.trim().replaceAll("/+$", "");
            if (keyId.isEmpty() != apiToken.isEmpty()) {
                throw new IllegalArgumentException((keyId.isEmpty() ? "key_id" : "api_token") + ": key_id and api_token go together");
            }
            if (!keyId.isEmpty() && !keyId.matches("[A-Za-z0-9_-]+")) {
                throw new IllegalArgumentException("key_id: letters, digits, '_' and '-' only");
            }
            if (ttl.compareTo(Duration.ofSeconds(60)) < 0) {
                throw new IllegalArgumentException("ttl: must be at least 60 seconds");
            }
            URI uri;
            try {
                uri = URI.create(apiBase);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("api_base: not a URL");
            }
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
                throw new IllegalArgumentException("api_base: must be an http(s) URL");
            }
        }

        /** Both key_id and api_token set (an empty section, as in Liveman's example, turns Cloudflare off). */
        public boolean enabled() {
            return !keyId.isEmpty();
        }

        @Override
        public String toString() {
            return "Cloudflare[keyId=" + keyId + ", ttl=" + ttl + ", apiBase=" + apiBase + ", apiToken=***]";
        }
    }
}
