package dev.castmesh.controlplane.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castmesh.api.cluster.AgentPaths;
import dev.castmesh.api.cluster.NodeAlias;
import dev.castmesh.api.cluster.NodeRequest;
import dev.castmesh.api.cluster.NodeView;
import dev.castmesh.controlplane.http.BadRequestException;
import dev.castmesh.controlplane.http.JsonBody;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The node registry API (Monibuca's client management, Liveman's nodes):
 * <ul>
 *   <li>{@code GET /api/nodes} (admin; also {@code /api/nodes/}, the path Liveman's dashboard calls): every node,
 *       {@link NodeView}, with Liveman's {@code alias, url, status, duration, strategy} beside ours;</li>
 *   <li>{@code POST /api/nodes} (admin) {@code {alias, secret, region}}: 201, 409 {@code node_exists};</li>
 *   <li>{@code PUT /api/nodes/{alias}} (admin) {@code {secret?, region?}}: 200, 404 {@code node_not_found};</li>
 *   <li>{@code DELETE /api/nodes/{alias}} (admin): 204, 404;</li>
 * </ul>
 * Heartbeats: {@link HeartbeatController}.
 */
@Controller("/api/nodes")
@ExecuteOn(TaskExecutors.BLOCKING)
final class NodesController {
    private final NodeRegistry registry;
    private final JsonBody<NodeRequest> requestBody;
    private final Clock clock;

    NodesController(NodeRegistry registry, ObjectMapper mapper, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.requestBody = new JsonBody<>(mapper, NodeRequest.class, "node");
    }

    @Get
    List<NodeView> list() {
        Instant now = clock.instant();
        return registry.all().stream().map(node -> node.view(now)).toList();
    }

    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    HttpResponse<NodeView> create(@Body String json) {
        NodeRequest request = requestBody.read(json);
        BadRequestException.check("", () -> NodeAlias.validate(request.alias()));
        if (request.secret() == null) {
            throw new BadRequestException("secret is required");
        }
        checkSecretAndRegion(request);
        NodeState node = registry.create(request.alias(), request.secret(), request.region());
        return HttpResponse.<NodeView>status(HttpStatus.CREATED).header(HttpHeaders.LOCATION,
                "/api/nodes/" + AgentPaths.segment(node.alias())).body(node.view(clock.instant()));
    }

    @Put("/{alias}")
    @Consumes(MediaType.APPLICATION_JSON)
    NodeView update(@PathVariable String alias, @Body String json) {
        BadRequestException.check("", () -> NodeAlias.validate(alias));
        NodeRequest request = requestBody.read(json);
        if (request.alias() != null && !request.alias().equals(alias)) {
            throw new BadRequestException("alias cannot be changed; delete the node and create it again");
        }
        if (request.secret() == null && request.region() == null) {
            throw new BadRequestException("nothing to change: give secret and/or region");
        }
        checkSecretAndRegion(request);
        return registry.update(alias, request.secret(), request.region()).view(clock.instant());
    }

    @Delete("/{alias}")
    HttpResponse<?> delete(@PathVariable String alias) {
        BadRequestException.check("", () -> NodeAlias.validate(alias));
        registry.delete(alias);
        return HttpResponse.noContent();
    }

    private static void checkSecretAndRegion(NodeRequest request) {
        if (request.secret() != null && (request.secret().length() < NodeRequest.MIN_SECRET_LENGTH
                || request.secret().chars().anyMatch(c -> c <= 0x20 || c == 0x7f))) {
            throw new BadRequestException("secret must be at least " + NodeRequest.MIN_SECRET_LENGTH
                    + " characters without spaces or control characters");
        }
        BadRequestException.check("", () -> HeartbeatCheck.region("region", request.region()));
    }

}
