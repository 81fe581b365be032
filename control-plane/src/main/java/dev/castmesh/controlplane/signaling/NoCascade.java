package dev.castmesh.controlplane.signaling;

import dev.castmesh.controlplane.node.NodeState;
import dev.castmesh.controlplane.placement.Placement;
import jakarta.inject.Singleton;

/** The {@link CascadeStarter} until cascades exist: 503 {@code no_node_available} naming the cascade that would help. */
@Singleton
class NoCascade implements CascadeStarter {
    @Override
    public NodeState start(Placement.CascadeNeeded decision) {
        throw SignalingException.noNodeAvailable("no node carrying stream '" + decision.stream()
                + "' has room; it would need a cascade from node '" + decision.source().alias() + "' to node '"
                + decision.target().alias() + "', which this control plane cannot set up yet");
    }
}
