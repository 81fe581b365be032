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
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castmesh.controlplane.http.PassedStatus;
import dev.castmesh.controlplane.node.ClusterConfig;
import dev.castmesh.controlplane.placement.Placement;
import dev.castmesh.controlplane.placement.PlacementPolicy;
import dev.castmesh.controlplane.placement.Preference;
import dev.castmesh.controlplane.signaling.AgentErrors;
import dev.castmesh.controlplane.signaling.SignalingProxy;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Post;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 *   <li>{@code POST /api/streams/{stream}[?nodes=alias]}: Liveman's create, a stream reserved ahead of its publisher on
 *       one node ({@link PlacementPolicy#create}: the named node, else the least-loaded online one, {@code [cluster]
 *       region} first); 204, 409 {@code stream_already_exists} when an online node has it in any form, the agent's
 *       error otherwise. A WHIP publish then goes to that node;</li>
 *   <li>{@code DELETE /api/streams/{stream}}: {@code DELETE /api/streams/{stream}} on every online node that has it:
 *       204 when each ended it (or no longer had it), also when no node has it (Liveman's answer), 502 naming the
 *       nodes that failed.</li>
 * </ul>
 */
@Controller("/api/streams")
@ExecuteOn(TaskExecutors.BLOCKING)
final class StreamsController {
    private static final Logger LOG = LoggerFactory.getLogger(StreamsController.class);
    private final NodeRegistry registry;
    private final AgentClient agents;
    private final ClusterStreamViews views;
    private final ClusterConfig cluster;
    private final ObjectMapper mapper;
    private final PlacementPolicy policy = new PlacementPolicy();

    StreamsController(NodeRegistry registry, AgentClient agents, ClusterStreamViews views, ClusterConfig cluster,
                      ObjectMapper mapper) {
        this.registry = registry;
        this.agents = agents;
        this.views = views;
        this.cluster = cluster;
        this.mapper = mapper;
    }

    @Get
    List<StreamView> list(@Nullable @QueryValue("nodes") List<String> nodes) {
        return views.list(new TreeSet<>(aliases(nodes)));
    }

    /** Liveman's answer: one entry per online node that has the stream, {@code {}} when none has it. */
    @Get("/{stream}")
    Map<String, StreamView> get(@PathVariable String stream) {
        BadRequestException.check("", () -> StreamName.validate(stream));
        return views.byNode(stream);
    }

    @Post("/{stream}")
    HttpResponse<?> create(@PathVariable String stream, @Nullable @QueryValue("nodes") List<String> nodes) {
        BadRequestException.check("", () -> StreamName.validate(stream));
        List<String> named = aliases(nodes);
        Placement placement = policy.create(stream, registry.all(),
                new Preference(cluster.region(), named.isEmpty() ? null : named.get(0)));
        if (placement instanceof Placement.Refused refused) {
            throw SignalingProxy.refusal(refused);
        }
        NodeState node = ((Placement.OnNode) placement).node();
        AgentResponse answer = agents.send(node, "POST", AgentPaths.stream(stream), Map.of("Accept", "application/json"), null);
        if (!answer.ok()) {
            return PassedStatus.of(AgentErrors.status(answer)).contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body(AgentErrors.body(node.alias(), answer, mapper));
        }
        LOG.atInfo().addKeyValue("stream", stream).addKeyValue("node", node.alias()).log("stream created");
        return HttpResponse.noContent();
    }

    @Delete("/{stream}")
    HttpResponse<?> delete(@PathVariable String stream) {
        BadRequestException.check("", () -> StreamName.validate(stream));
        List<NodeState> carriers = registry.all().stream().filter(NodeState::online)
                .filter(node -> node.stream(stream).isPresent()).toList();
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

    /** {@code ?nodes=}, each checked, in the order given. */
    private static List<String> aliases(List<String> nodes) {
        if (nodes == null) {
            return List.of();
        }
        for (String alias : nodes) {
            BadRequestException.check("nodes: ", () -> NodeAlias.validate(alias));
        }
        return List.copyOf(nodes);
    }
}
