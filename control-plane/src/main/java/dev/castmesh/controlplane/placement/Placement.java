package dev.castmesh.controlplane.placement;

import dev.castmesh.controlplane.node.NodeState;

/** What {@link PlacementPolicy} decided for one WHIP, WHEP or stream-creation request. */
public sealed interface Placement {

    /** Serve the request on this node. */
    record OnNode(NodeState node) implements Placement {
    }

    /**
     * Every node carrying the stream is full (or the request forced a node that does not carry it): the stream
     * has to be cascaded to {@code target} from {@code source} first; then the viewer goes to {@code target}.
     */
    record CascadeNeeded(String stream, NodeState target, NodeState source) implements Placement {
    }

    /** No node can take the request; {@code message} is for the client. */
    record Refused(Reason reason, String message) implements Placement {
    }

    enum Reason {
        /** WHIP: a publisher has the stream on an online node (409). */
        ALREADY_PUBLISHED,
        /** Stream creation: an online node has the stream already, published, copied or reserved (409). */
        ALREADY_EXISTS,
        /** WHEP: no online node carries the stream (404). */
        STREAM_NOT_FOUND,
        /** {@code ?nodes=} names no registered node (404). */
        NODE_NOT_FOUND,
        /** No online node, or none with room (503). */
        NO_NODE_AVAILABLE
    }
}
