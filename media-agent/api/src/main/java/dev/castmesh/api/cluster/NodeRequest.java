package dev.castmesh.api.cluster;

/**
 * The body of {@code POST /api/nodes} (all of alias and secret needed) and {@code PUT /api/nodes/{alias}} (alias
 * absent or equal to the path; secret and region each optional: what is absent stays).
 *
 * @param alias  see {@link NodeAlias}
 * @param secret the node's own secret, at least 16 characters; only its SHA-256 is stored
 * @param region region label; overrides what the node's heartbeats report
 */
public record NodeRequest(String alias, String secret, String region) {
    public static final int MIN_SECRET_LENGTH = 16;

    @Override
    public String toString() {
        return "NodeRequest[alias=" + alias + ", secret=" + (secret == null ? "none" : "***") + ", region=" + region + "]";
    }
}
