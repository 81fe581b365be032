package dev.castmesh.controlplane.relay;

import java.util.List;
import java.util.Locale;

/**
 * The {@code [relay]} section (Monibuca {@code relayapi}): which agent API paths {@code /api/relay/{alias}/...} may
 * reach. A normalised path is relayed when it starts with an {@code allow} prefix and with no {@code deny} prefix
 * (deny wins). Prefixes compare case-insensitively; an empty {@code allow} list relays nothing.
 *
 * @param allow path prefixes, default {@code ["/api/"]}
 * @param deny  path prefixes, default none
 */
public record RelayConfig(List<String> allow, List<String> deny) {

    public RelayConfig {
        allow = check("allow", allow == null ? List.of("/api/") : allow);
        deny = check("deny", deny == null ? List.of() : deny);
    }

    public static RelayConfig defaults() {
        return new RelayConfig(null, null);
    }

    private static List<String> check(String key, List<String> prefixes) {
        for (int i = 0; i < prefixes.size(); i++) {
            String prefix = prefixes.get(i);
            if (prefix == null || !prefix.startsWith("/")) {
                throw new IllegalArgumentException(key + ": entry " + i + " must be a path prefix starting with '/'");
            }
            if (prefix.contains("%") || prefix.contains("//") || prefix.contains("\\") || prefix.contains("/./")
                    || prefix.contains("/../") || prefix.endsWith("/.") || prefix.endsWith("/..")) {
                throw new IllegalArgumentException(key + ": entry " + i + " must be a plain decoded path"
                        + " (no %, //, \\, . or .. segments)");
            }
        }
        return prefixes.stream().map(prefix -> prefix.toLowerCase(Locale.ROOT)).toList();
    }
}
