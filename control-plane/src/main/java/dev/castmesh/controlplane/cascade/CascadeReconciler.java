package dev.castmesh.controlplane.cascade;

import dev.castmesh.api.cluster.StreamSnapshot;
import dev.castmesh.controlplane.node.NodeState;
import dev.castmesh.controlplane.placement.PlacementPolicy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Decides the cascades the cluster needs without a viewer asking, from one registry snapshot. Pure: the same snapshot
 * gives the same actions, so two control-plane instances on one database decide alike, and an action already done
 * is not decided again once heartbeats show its result.
 *
 * <ul>
 *   <li><b>Autopush</b>: a stream published on an online node whose heartbeat says {@code autopush}, in a region
 *       other than the origin region ({@code [cluster] region}, none: no autopush), and carried by no online node of
 *       the origin region → {@link CascadeAction.Push} to the least-loaded node with room of the origin region that
 *       does not hold the stream.</li>
 *   <li><b>Re-attach</b>: a copy (on an online node) whose {@code cascadeFrom} node is offline, unknown, or no
 *       longer carries the stream → {@link CascadeAction.Reattach} to the nearest (with room for the pull's WHEP
 *       first) other online carrier whose own
 *       chain ends at a publisher and does not pass through the copy's node (no cycles). A copy made by an in-cluster
 *       pull rule may also re-attach to a carrier of the rule's source. With no such carrier nothing is done: the
 *       agent ends the copy after its grace period. Copies of external sources are left alone.</li>
 * </ul>
 */
public final class CascadeReconciler {
    private final String originRegion;
    private final Function<String, Optional<String>> upstream;

    /**
     * @param originRegion {@code [cluster] region}
     * @param upstream     the in-cluster pull-rule source of a stream name, if any
     */
    public CascadeReconciler(String originRegion, Function<String, Optional<String>> upstream) {
        this.originRegion = originRegion == null ? "" : originRegion;
        this.upstream = upstream;
    }

    public List<CascadeAction> plan(List<NodeState> nodes) {
        List<CascadeAction> actions = new ArrayList<>();
        List<NodeState> online = nodes.stream().filter(NodeState::online).toList();
        Lineage lineage = new Lineage(nodes, upstream);
        for (NodeState node : online) {
            for (StreamSnapshot stream : node.streams()) {
                if (stream.publisher()) {
                    autopush(node, stream.stream(), online).ifPresent(actions::add);
                } else if (stream.cascadeFrom() != null && !lineage.sourceAlive(stream)) {
                    reattach(node, stream.stream(), online, lineage).ifPresent(actions::add);
                }
            }
        }
        return actions;
    }

    private Optional<CascadeAction> autopush(NodeState node, String stream, List<NodeState> online) {
        if (!node.autopush() || originRegion.isEmpty() || node.region().equals(originRegion)) {
            return Optional.empty();
        }
        List<NodeState> origin = online.stream().filter(candidate -> candidate.region().equals(originRegion)).toList();
        if (origin.stream().anyMatch(candidate -> candidate.stream(stream).map(StreamSnapshot::carried).orElse(false))) {
            return Optional.empty();
        }
        List<NodeState> targets = origin.stream().filter(PlacementPolicy::hasRoom)
                .filter(candidate -> candidate.stream(stream).isEmpty()).toList();
        return PlacementPolicy.best(targets, "").map(target -> new CascadeAction.Push(stream, node, target));
    }

    private Optional<CascadeAction> reattach(NodeState copy, String stream, List<NodeState> online, Lineage lineage) {
        Optional<NodeState> same = source(copy, stream, online, lineage);
        if (same.isPresent()) {
            return Optional.of(new CascadeAction.Reattach(stream, copy, same.get(), stream));
        }
        return upstream.apply(stream).flatMap(up -> source(copy, up, online, lineage)
                .map(source -> new CascadeAction.Reattach(stream, copy, source, up)));
    }

    private static Optional<NodeState> source(NodeState copy, String stream, List<NodeState> online, Lineage lineage) {
        List<NodeState> candidates = online.stream().filter(node -> !node.alias().equals(copy.alias()))
                .filter(node -> node.stream(stream).map(StreamSnapshot::carried).orElse(false))
                .filter(node -> !lineage.descendsFrom(node.alias(), copy.alias(), stream))
                .filter(node -> lineage.rooted(node.alias(), stream)).toList();
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        // A re-attach is a cascade pull, which the source admits beyond its viewer limits: room does not matter.
        return Optional.of(PlacementPolicy.nearest(candidates, copy.region(), stream));
    }
}
