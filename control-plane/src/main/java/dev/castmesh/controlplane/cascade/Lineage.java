package dev.castmesh.controlplane.cascade;

import dev.castmesh.api.cluster.NodeAlias;
import dev.castmesh.api.cluster.StreamSnapshot;
import dev.castmesh.controlplane.node.NodeState;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Follows the {@code cascadeFrom} links of one stream through a registry snapshot: which node feeds which. A copy
 * made by an in-cluster pull rule is fed by a node carrying the rule's source stream, so the walk continues under
 * that name ({@code upstream}). Pure.
 */
final class Lineage {
    private final Map<String, NodeState> byAlias;
    private final Function<String, Optional<String>> upstream;

    /**
     * @param upstream the in-cluster pull-rule source of a stream name, if any
     */
    Lineage(List<NodeState> nodes, Function<String, Optional<String>> upstream) {
        this.byAlias = nodes.stream().collect(Collectors.toMap(NodeState::alias, node -> node, (a, b) -> a));
        this.upstream = upstream;
    }

    /** The node's snapshot of {@code stream}, or of its pull-rule source when it has not {@code stream} itself. */
    private Optional<StreamSnapshot> carried(NodeState node, String stream) {
        Optional<StreamSnapshot> own = node.stream(stream).filter(StreamSnapshot::carried);
        return own.isPresent() ? own : upstream.apply(stream).flatMap(up -> node.stream(up).filter(StreamSnapshot::carried));
    }

    /**
     * A source outside the cluster's view: a pull rule's URL ({@link AgentCascades#EXTERNAL_SOURCE}) or the
     * {@code host:port} an agent reports for a pull that named no source node.
     */
    static boolean outside(String cascadeFrom) {
        return AgentCascades.EXTERNAL_SOURCE.equals(cascadeFrom) || !NodeAlias.isValid(cascadeFrom);
    }

    /** The copy's source is an online node that still carries the stream (or its pull-rule source), or is outside. */
    boolean sourceAlive(StreamSnapshot copy) {
        if (outside(copy.cascadeFrom())) {
            return true;
        }
        NodeState source = byAlias.get(copy.cascadeFrom());
        return source != null && source.online() && carried(source, copy.stream()).isPresent();
    }

    /** Following {@code cascadeFrom} up from {@code alias} passes through {@code ancestor} (a re-attach there would loop). */
    boolean descendsFrom(String alias, String ancestor, String stream) {
        return walk(alias, stream, ancestor) == Walk.REACHED;
    }

    /** Following {@code cascadeFrom} up from {@code alias} ends at an online publisher or an external source. */
    boolean rooted(String alias, String stream) {
        return walk(alias, stream, null) == Walk.ROOTED;
    }

    private enum Walk { ROOTED, REACHED, BROKEN }

    private Walk walk(String alias, String stream, String stopAt) {
        Set<String> seen = new HashSet<>();
        String current = alias;
        while (seen.add(current)) {
            if (current.equals(stopAt)) {
                return Walk.REACHED;
            }
            if (outside(current)) {
                return Walk.ROOTED;
            }
            NodeState node = byAlias.get(current);
            if (node == null || !node.online()) {
                return Walk.BROKEN;
            }
            Optional<StreamSnapshot> snapshot = carried(node, stream);
            if (snapshot.isEmpty()) {
                return Walk.BROKEN;
            }
            if (snapshot.get().publisher()) {
                return Walk.ROOTED;
            }
            current = snapshot.get().cascadeFrom();
        }
        return Walk.BROKEN; // a cycle
    }
}
