package dev.castmesh.controlplane.signaling;

import dev.castmesh.api.StreamName;
import dev.castmesh.api.cluster.AgentPaths;
import dev.castmesh.api.cluster.ClusterStream;
import dev.castmesh.controlplane.http.BadRequestException;
import dev.castmesh.controlplane.http.ApiException;
import dev.castmesh.controlplane.node.NodeRegistry;
import dev.castmesh.controlplane.node.NodeState;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Streams across the cluster (admin):
 * <ul>
 *   <li>{@code GET /api/streams}: {@link ClusterStream}s merged from the online nodes' last heartbeats, not from
 *       live calls, so listing costs one database read whatever the cluster size, and is up to one heartbeat
 *       interval (2 s) old;</li>
 *   <li>{@code GET /api/streams/{stream}}: one of them, 404 {@code stream_not_found};</li>
 *   <li>{@code DELETE /api/streams/{stream}}: {@code DELETE /api/streams/{stream}} on every online node that has it:
 *       204 when each ended it (or no longer had it), 404 when no node has it, 502 naming the nodes that failed.</li>
 * </ul>
 */
@Controller("/api/streams")
@ExecuteOn(TaskExecutors.BLOCKING)
final class StreamsController {
    private final NodeRegistry registry;
    private final AgentClient agents;

    StreamsController(NodeRegistry registry, AgentClient agents) {
        this.registry = registry;
        this.agents = agents;
    }

    @Get
    List<ClusterStream> list() {
        return ClusterStreams.merge(registry.all());
    }

    @Get("/{stream}")
    ClusterStream get(@PathVariable String stream) {
        BadRequestException.check("", () -> StreamName.validate(stream));
        return ClusterStreams.merge(registry.all()).stream().filter(s -> s.stream().equals(stream)).findFirst()
                .orElseThrow(() -> SignalingException.streamNotFound("stream '" + stream + "' is not on any online node"));
    }

    @Delete("/{stream}")
    HttpResponse<?> delete(@PathVariable String stream) {
        BadRequestException.check("", () -> StreamName.validate(stream));
        List<NodeState> carriers = registry.all().stream().filter(NodeState::online)
                .filter(node -> node.stream(stream).isPresent()).toList();
        if (carriers.isEmpty()) {
            throw SignalingException.streamNotFound("stream '" + stream + "' is not on any online node");
        }
        List<String> failed = new ArrayList<>();
        for (NodeState node : carriers) {
            try {
                AgentResponse answer = agents.send(node, "DELETE", AgentPaths.stream(stream), Map.of("Accept", "application/json"), null);
                if (!answer.ok() && answer.status() != 404) {
                    failed.add(node.alias() + " (" + answer.status() + ")");
                }
            } catch (ApiException unreachable) {
                failed.add(node.alias() + " (unreachable)");
            }
        }
        if (!failed.isEmpty()) {
            throw SignalingException.badGateway("stream '" + stream + "' could not be ended on " + String.join(", ", failed));
        }
        return HttpResponse.noContent();
    }
}
