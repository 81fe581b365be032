package dev.castmesh.controlplane.signaling;

import dev.castmesh.controlplane.node.NodeState;
import dev.castmesh.controlplane.placement.Placement;

/**
 * Carries out a {@link Placement.CascadeNeeded} before a viewer is sent to its target: the stream must play on
 * {@code target} when this returns. The cascade feature replaces the bean ({@code @Replaces(CascadeStarter.class)});
 * until then {@link NoCascade} refuses with 503.
 */
public interface CascadeStarter {

    /**
     * @return the node the viewer goes to (normally {@code decision.target()})
     * @throws dev.castmesh.controlplane.http.ApiException when the cascade cannot be set up
     */
    NodeState start(Placement.CascadeNeeded decision);
}
