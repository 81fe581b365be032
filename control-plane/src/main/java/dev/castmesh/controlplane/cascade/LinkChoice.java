package dev.castmesh.controlplane.cascade;

import dev.castmesh.api.cluster.StreamSnapshot;
import dev.castmesh.controlplane.node.NodeNotFoundException;
import dev.castmesh.controlplane.node.NodeState;
import dev.castmesh.controlplane.placement.PlacementPolicy;
import dev.castmesh.controlplane.signaling.SignalingException;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Checks an operator's cascade request against a registry snapshot and picks the source. Pure.
 *
 * <p>404 {@code node_not_found} for an unknown target or source; 503 {@code no_node_available} for an offline target;
 * 404 {@code stream_not_found} when no online node carries the stream, or the named source does not (a node this
 * process cascaded the stream to a moment ago counts as carrying it before its heartbeat shows the copy); 409
 * {@code already_carried} when the target has the stream already. Without a source: the nearest online carrier (the
 * target's region first, then the origin), leaving out copies fed through the target.
 */
final class LinkChoice {
    private LinkChoice() {
    }

    record Choice(NodeState source, NodeState target) {
    }

    static Choice choose(String stream, String targetAlias, String sourceAlias, List<NodeState> nodes) {
        return choose(stream, targetAlias, sourceAlias, nodes, node -> false);
    }

    /**
     * @param justCascaded nodes that got a copy of the stream a moment ago (their heartbeats may not show it yet):
     *                     accepted as a named source when online, so a cascade can chain on from them at once. The
     *                     automatic choice keeps to carriers the heartbeats show (their lineage is known).
     */
    static Choice choose(String stream, String targetAlias, String sourceAlias, List<NodeState> nodes,
                         Predicate<NodeState> justCascaded) {
        NodeState target = find(nodes, targetAlias);
        if (!target.online()) {
            throw SignalingException.noNodeAvailable("node '" + targetAlias + "' is offline");
        }
        if (target.stream(stream).isPresent()) {
            throw CascadeException.alreadyCarried("node '" + targetAlias + "' already has stream '" + stream + "'");
        }
        List<NodeState> carriers = nodes.stream().filter(NodeState::online)
                .filter(node -> node.stream(stream).map(StreamSnapshot::carried).orElse(false)).toList();
        if (sourceAlias != null) {
            NodeState source = find(nodes, sourceAlias);
            if (!carriers.contains(source) && !(source.online() && justCascaded.test(source))) {
                throw SignalingException.streamNotFound("node '" + sourceAlias + "' does not carry stream '" + stream
                        + "'" + (source.online() ? "" : " (it is offline)"));
            }
            return new Choice(source, target);
        }
        if (carriers.isEmpty()) {
            throw SignalingException.streamNotFound("stream '" + stream + "' is not on any online node");
        }
        Lineage lineage = new Lineage(nodes, name -> Optional.empty());
        List<NodeState> sources = carriers.stream()
                .filter(node -> !lineage.descendsFrom(node.alias(), target.alias(), stream)).toList();
        return new Choice(PlacementPolicy.nearest(sources.isEmpty() ? carriers : sources, target.region(), stream), target);
    }

    private static NodeState find(List<NodeState> nodes, String alias) {
        return nodes.stream().filter(node -> node.alias().equals(alias)).findFirst()
                .orElseThrow(() -> new NodeNotFoundException(alias));
    }
}
