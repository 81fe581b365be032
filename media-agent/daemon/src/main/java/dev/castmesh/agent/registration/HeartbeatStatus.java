package dev.castmesh.agent.registration;

import java.time.Instant;

/**
 * What the heartbeat sender knows, as {@code /health} shows it under {@code registration}.
 *
 * @param alias               this node's alias
 * @param controlPlane        where heartbeats go
 * @param state               {@code STARTING}, {@code REGISTERED}, {@code UNREACHABLE}, {@code UNAUTHORIZED} or {@code REJECTED}
 * @param lastSuccess         when the control plane last answered 204, null if never
 * @param consecutiveFailures failed heartbeats since the last success
 * @param lastError           what the last failure was (never a secret), null if none since the last success
 */
public record HeartbeatStatus(String alias, String controlPlane, String state, Instant lastSuccess,
                              int consecutiveFailures, String lastError) {
}
