package dev.castmesh.controlplane.streamview;

import dev.castmesh.api.StreamName;
import dev.castmesh.api.cluster.AgentPaths;
import dev.castmesh.api.cluster.NodeAlias;
import dev.castmesh.controlplane.http.BadRequestException;
import dev.castmesh.controlplane.http.ApiException;
import dev.castmesh.controlplane.node.NodeRegistry;
import dev.castmesh.controlplane.node.NodeState;
import dev.castmesh.controlplane.signaling.AgentClient;
import dev.castmesh.controlplane.signaling.AgentResponse;
import dev.castmesh.controlplane.signaling.SignalingException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.QueryValue;
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
import java.util.Set;
import java.util.TreeSet;

/**
 * Streams across the cluster (admin), in Liveman's wire format with ours beside ({@link StreamView}):
 * <ul>
 *   <li>{@code GET /api/streams} (also {@code /api/streams/}, what Liveman's dashboard calls), {@code ?nodes=alias}
 *       repeatable: Liveman's {@code Stream[]} merged over the online nodes (only those named, if any), by stream
 *       name. Which node carries what comes from the last heartbeats (up to one interval, 2 s, old); the sessions
 *       from the agents themselves, cached 1 s ({@link AgentStreamDetails});</li>
 *   <li>{@code GET /api/streams/{stream}}: Liveman's answer, the stream on each node that carries it by alias;
 *       404 {@code stream_not_found} when none does;</li>
 *   <li>{@code DELETE /api/streams/{stream}}: {@code DELETE /api/streams/{stream}} on every online node that has it:
 *       204 when each ended it (or no longer had it), 404 when no node has it, 502 naming the nodes that failed.</li>
 * </ul>
 */
@Controller("/api/streams")
@ExecuteOn(TaskExecutors.BLOCKING)
final class StreamsController {
    private final NodeRegistry registry;
    private final AgentClient agents;
    private final ClusterStreamViews views;

    StreamsController(NodeRegistry registry, AgentClient agents, ClusterStreamViews views) {
        this.registry = registry;
        this.agents = agents;
        this.views = views;
    }

    @Get
    List<StreamView> list(@Nullable @QueryValue("nodes") List<String> nodes) {
        Set<String> only = new TreeSet<>();
        if (nodes != null) {
            for (String alias : nodes) {
                BadRequestException.check("nodes: ", () -> NodeAlias.validate(alias));
                only.add(alias);
            }
        }
        return views.list(only);
    }

    @Get("/{stream}")
    Map<String, StreamView> get(@PathVariable String stream) {
        BadRequestException.check("", () -> StreamName.validate(stream));
        Map<String, StreamView> byNode = views.byNode(stream);
        if (byNode.isEmpty()) {
            throw SignalingException.streamNotFound("stream '" + stream + "' is not on any online node");
        }
        return byNode;
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
