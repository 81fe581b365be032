package dev.castmesh.controlplane.streamview;

import dev.castmesh.controlplane.node.NodeRegistry;
import dev.castmesh.controlplane.node.NodeState;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Liveman's stream views of the cluster now: a registry snapshot, the agents' sessions, {@link StreamViews}. */
@Singleton
public class ClusterStreamViews {
    private final NodeRegistry registry;
    private final AgentStreamDetails details;

    ClusterStreamViews(NodeRegistry registry, AgentStreamDetails details) {
        this.registry = registry;
        this.details = details;
    }

    /** Every stream, merged over the online nodes; only over {@code onlyNodes} (aliases) unless that is empty. */
    public List<StreamView> list(Set<String> onlyNodes) {
        List<NodeState> nodes = registry.all().stream()
                .filter(node -> onlyNodes.isEmpty() || onlyNodes.contains(node.alias())).toList();
        return StreamViews.cluster(nodes, details.of(nodes));
    }

    /** One stream on each online node that carries it, by alias; empty when none does. */
    public Map<String, StreamView> byNode(String stream) {
        List<NodeState> carriers = registry.all().stream().filter(node -> node.stream(stream).isPresent()).toList();
        return StreamViews.byNode(carriers, details.of(carriers), stream);
    }
}
