package dev.castmesh.controlplane.signaling;

import dev.castmesh.controlplane.node.NodeState;
import dev.castmesh.controlplane.placement.Placement;
import dev.castmesh.controlplane.placement.Preference;

import java.util.List;
import java.util.Optional;

/**
 * Sets up cascades for WHEP viewers before they are sent to an agent (implemented by the cascade feature,
 * {@code dev.castmesh.controlplane.cascade}): when this returns a node, the stream plays there.
 */
public interface CascadeStarter {

    /**
     * Carries out an overflow cascade.
     *
     * @return the node the viewer goes to (normally {@code decision.target()})
     * @throws dev.castmesh.controlplane.http.ApiException when the cascade cannot be set up
     */
    NodeState start(Placement.CascadeNeeded decision);

    /**
     * A stream no online node carries: if a pull rule gives it a source, copies it onto a node.
     *
     * @return the node the viewer goes to, or empty when no rule applies (the viewer gets 404)
     * @throws dev.castmesh.controlplane.http.ApiException when a rule applies but the cascade cannot be set up
     */
    Optional<NodeState> onDemand(String stream, List<NodeState> nodes, Preference preference);
}
