package dev.castmesh.controlplane.cascade;

import dev.castmesh.api.cluster.StreamSnapshot;
import dev.castmesh.controlplane.node.NodeNotFoundException;
import dev.castmesh.controlplane.node.NodeState;
import dev.castmesh.controlplane.placement.PlacementPolicy;
import dev.castmesh.controlplane.signaling.SignalingException;

import java.util.List;
import java.util.Optional;

/**
 * Checks an operator's cascade request against a registry snapshot and picks the source. Pure.
 *
 * <p>404 {@code node_not_found} for an unknown target or source; 503 {@code no_node_available} for an offline target;
 * 404 {@code stream_not_found} when no online node carries the stream, or the named source does not; 409
 * {@code already_carried} when the target has the stream already. Without a source: the nearest online carrier (the
 * target's region first, then the origin), leaving out copies fed through the target.
 */
final class LinkChoice {
    private LinkChoice() {
    }

    record Choice(NodeState source, NodeState target) {
    }

    static Choice choose(String stream, String targetAlias, String sourceAlias, List<NodeState> nodes) {
        NodeState target = find(nodes, targetAlias);
        if (!target.online()) {
            throw SignalingException.noNodeAvailable("node '" + targetAlias + "' is offline");
        }
        if (target.stream(stream).isPresent()) {
            throw CascadeException.alreadyCarried("node '" + targetAlias + "' already has stream '" + stream + "'");
        }
        List<NodeState> carriers = nodes.stream().filter(NodeState::online)
                .filter(node -> node.stream(stream).map(StreamSnapshot::carried).orElse(false)).toList();
        if (carriers.isEmpty()) {
            throw SignalingException.streamNotFound("stream '" + stream + "' is not on any online node");
        }
        if (sourceAlias != null) {
            NodeState source = find(nodes, sourceAlias);
            if (!carriers.contains(source)) {
                throw SignalingException.streamNotFound("node '" + sourceAlias + "' does not carry stream '" + stream
                        + "'" + (source.online() ? "" : " (it is offline)"));
            }
            return new Choice(source, target);
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
