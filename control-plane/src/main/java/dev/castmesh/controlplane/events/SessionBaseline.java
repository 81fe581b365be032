package dev.castmesh.controlplane.events;

import dev.castmesh.api.streams.StreamInfo;
import dev.castmesh.controlplane.node.NodeState;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The agents' stream lists as last seen, by alias, for {@link SessionDiff}. A node that did not answer this time keeps
 * what it had (no answer is no news: its sessions did not leave); a node that is offline, deleted or reports no stream
 * in its heartbeat has none (its sessions left). Immutable, pure.
 */
record SessionBaseline(Map<String, Map<String, StreamInfo>> byNode) {
    static final SessionBaseline EMPTY = new SessionBaseline(Map.of());

    SessionBaseline {
        byNode = Map.copyOf(byNode);
    }

    /** The baseline after a look at {@code nodes}, where {@code answered} holds the lists of the nodes that answered. */
    SessionBaseline next(List<NodeState> nodes, Map<String, Map<String, StreamInfo>> answered) {
        Map<String, NodeState> byAlias = new TreeMap<>();
        nodes.forEach(node -> byAlias.put(node.alias(), node));
        TreeSet<String> aliases = new TreeSet<>(byNode.keySet());
        aliases.addAll(answered.keySet());
        Map<String, Map<String, StreamInfo>> next = new TreeMap<>();
        for (String alias : aliases) {
            NodeState node = byAlias.get(alias);
            Map<String, StreamInfo> streams;
            if (answered.containsKey(alias)) {
                streams = answered.get(alias);
            } else if (node == null || !node.online() || node.streams().isEmpty()) {
                streams = Map.of();
            } else {
                streams = byNode.getOrDefault(alias, Map.of());
            }
            if (!streams.isEmpty()) {
                next.put(alias, Map.copyOf(streams));
            }
        }
        return new SessionBaseline(next);
    }

    /** The session and segment events from this baseline to {@code next}, by alias. */
    List<EventDraft> diff(SessionBaseline next) {
        TreeSet<String> aliases = new TreeSet<>(byNode.keySet());
        aliases.addAll(next.byNode.keySet());
        List<EventDraft> events = new ArrayList<>();
        for (String alias : aliases) {
            events.addAll(SessionDiff.between(alias, byNode.getOrDefault(alias, Map.of()), next.byNode.getOrDefault(alias, Map.of())));
        }
        return events;
    }
}
