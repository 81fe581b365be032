package dev.castmesh.controlplane.relay;

import java.util.List;
import java.util.Locale;

/**
 * Which normalised paths ({@link RelayPath}) may be relayed: those under an {@code allow} prefix and under no
 * {@code deny} prefix (deny wins). Comparison is case-insensitive, and a path also matches a prefix that is itself
 * plus {@code /} ({@code /api/admin} is under {@code /api/admin/}). Pure.
 */
public final class RelayPolicy {
    private final List<String> allow;
    private final List<String> deny;

    public RelayPolicy(RelayConfig config) {
        this.allow = config.allow();
        this.deny = config.deny();
    }

    public boolean allows(RelayPath path) {
        String lower = path.path().toLowerCase(Locale.ROOT);
        String withSlash = lower.endsWith("/") ? lower : lower + "/";
        if (deny.stream().anyMatch(prefix -> lower.startsWith(prefix) || withSlash.startsWith(prefix))) {
            return false;
        }
        return allow.stream().anyMatch(prefix -> lower.startsWith(prefix) || withSlash.startsWith(prefix));
    }
}
