package dev.castmesh.controlplane.recordcontrol;

import dev.castmesh.controlplane.http.PassedStatus;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castmesh.api.StreamName;
import dev.castmesh.api.cluster.AgentPaths;
import dev.castmesh.controlplane.http.BadRequestException;
import dev.castmesh.controlplane.node.NodeRegistry;
import dev.castmesh.controlplane.node.NodeState;
import dev.castmesh.controlplane.signaling.AgentClient;
import dev.castmesh.controlplane.signaling.AgentErrors;
import dev.castmesh.controlplane.signaling.AgentResponse;
import dev.castmesh.controlplane.signaling.SignalingException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST}/{@code GET}/{@code DELETE /api/record/{stream}} (admin) across the cluster: forwarded to the agent
 * where the stream's publisher is (the online node whose last heartbeat reports a WHIP publisher for it), with that
 * agent's token, the raw query string, the body and its {@code Content-Type}. The agent's answer (status,
 * {@code Content-Type}, body) comes back as is, with Liveman's {@code mpd_path}, {@code started}, {@code stopped} added to
 * a recording state ({@link LivemanRecordFields}), except a refusal of our token (502 {@code agent_rejected_token}).
 * No online node publishes the stream: 404 {@code stream_not_found}; agent unreachable: 502.
 */
@Controller("/api/record/{stream}")
@ExecuteOn(TaskExecutors.BLOCKING)
final class RecordController {
    private final NodeRegistry registry;
    private final AgentClient agents;
    private final ObjectMapper mapper;

    RecordController(NodeRegistry registry, AgentClient agents, ObjectMapper mapper) {
        this.registry = registry;
        this.agents = agents;
        this.mapper = mapper;
    }

    @Post
    @Consumes(MediaType.ALL)
    HttpResponse<?> start(@PathVariable String stream, HttpRequest<?> request, @Body @Nullable byte[] body) {
        return forward(stream, request, body == null ? new byte[0] : body);
    }

    @Get
    HttpResponse<?> state(@PathVariable String stream, HttpRequest<?> request) {
        return forward(stream, request, null);
    }

    @Delete
    HttpResponse<?> stop(@PathVariable String stream, HttpRequest<?> request) {
        return forward(stream, request, null);
    }

    private HttpResponse<?> forward(String stream, HttpRequest<?> request, byte[] requestBody) {
        BadRequestException.check("", () -> StreamName.validate(stream));
        NodeState node = publisherNode(stream);
        Map<String, String> headers = new LinkedHashMap<>();
        request.getContentType().ifPresent(type -> headers.put(HttpHeaders.CONTENT_TYPE, type.toString()));
        headers.put(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON);
        String query = request.getUri().getRawQuery();
        AgentResponse answer = agents.send(node, request.getMethodName(),
                AgentPaths.record(stream) + (query == null ? "" : "?" + query), headers, requestBody);
        if (answer.status() == 401 || answer.status() == 403) {
            return HttpResponse.status(HttpStatus.BAD_GATEWAY).contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body(AgentErrors.body(node.alias(), answer, mapper));
        }
        MutableHttpResponse<byte[]> response = PassedStatus.of(answer.status());
        answer.header(HttpHeaders.CONTENT_TYPE).ifPresent(response::contentType);
        byte[] body = LivemanRecordFields.add(request.getMethodName(), answer.status(), answer.body(), mapper).orElse(answer.body());
        return body.length == 0 ? response : response.body(body);
    }

    private NodeState publisherNode(String stream) {
        return registry.all().stream()
                .filter(NodeState::online)
                .filter(node -> node.stream(stream).map(snapshot -> snapshot.publisher()).orElse(false))
                .min(Comparator.comparing(NodeState::alias))
                .orElseThrow(() -> SignalingException.streamNotFound(
                        "stream '" + stream + "' has no publisher on any online node"));
    }
}
