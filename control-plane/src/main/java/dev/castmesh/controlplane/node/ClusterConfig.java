package dev.castmesh.controlplane.node;

import dev.castmesh.api.cluster.NodeRequest;

import java.time.Duration;

/**
 * The {@code [cluster]} section.
 *
 * @param autoRegister an unknown node whose heartbeat carries the cluster secret is created (default true)
 * @param secret       the cluster secret for auto-registration, at least 16 characters; none: no auto-registration
 * @param offlineAfter a node with no heartbeat for this long is offline (default 6 s = 3 heartbeats of 2 s)
 * @param region       the region WHIP/WHEP prefer when the request has no {@code ?region=} ("" = none)
 * @param agentTimeout longest wait for an agent's answer to a proxied call (default 15 s, WHIP/WHEP
 *                     negotiation included); connecting gives up after 2 s
 */
public record ClusterConfig(Boolean autoRegister, String secret, Duration offlineAfter, String region, Duration agentTimeout) {

    public ClusterConfig {
        autoRegister = autoRegister == null || autoRegister;
        secret = secret == null || secret.isEmpty() ? null : secret;
        offlineAfter = offlineAfter == null ? Duration.ofSeconds(6) : offlineAfter;
        region = region == null ? "" : region.trim();
        agentTimeout = agentTimeout == null ? Duration.ofSeconds(15) : agentTimeout;
        if (secret != null && secret.length() < NodeRequest.MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("secret: must be at least " + NodeRequest.MIN_SECRET_LENGTH
                    + " characters (a random string, e.g. `openssl rand -base64 24`)");
        }
        if (offlineAfter.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("offline_after: must be at least 1 second");
        }
        if (agentTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("agent_timeout: must be at least 1 second");
        }
    }

    public static ClusterConfig defaults() {
        return new ClusterConfig(null, null, null, null, null);
    }

    @Override
    public String toString() {
        return "ClusterConfig[autoRegister=" + autoRegister + ", secret=" + (secret == null ? "none" : "***")
                + ", offlineAfter=" + offlineAfter + ", region=" + region + ", agentTimeout=" + agentTimeout + "]";
    }
}
