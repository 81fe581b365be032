package dev.castmesh.controlplane.node;

import java.util.List;

/**
 * The origins ({@link dev.castmesh.api.cluster.Origin}) a node may cascade with, answered with every heartbeat
 * ({@link dev.castmesh.api.cluster.HeartbeatReply#cascadeOrigins()}). Implemented by the cascade feature, which knows
 * the pull rules; declared here so the registry API does not depend on it.
 */
public interface CascadePeers {
    List<String> origins();
}
