package dev.castmesh.controlplane.node;

import java.time.Duration;
import java.time.Instant;

/**
 * Online or not, from the last heartbeat: online while {@code now <= lastHeartbeat + offlineAfter}. A heartbeat
 * stamped in the future (another control-plane instance's clock runs ahead) counts as recent. Pure.
 */
public record NodeLiveness(Duration offlineAfter) {

    public boolean online(Instant lastHeartbeat, Instant now) {
        return lastHeartbeat != null && !now.isAfter(lastHeartbeat.plus(offlineAfter));
    }
}
