package dev.castmesh.controlplane.relay;

import dev.castmesh.controlplane.http.PassedStatus;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castmesh.api.cluster.NodeAlias;
import dev.castmesh.controlplane.http.ApiException;
import dev.castmesh.controlplane.http.BadRequestException;
import dev.castmesh.controlplane.node.NodeNotFoundException;
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
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code ANY /api/relay/{alias}/{path...}} (admin; Monibuca's relay API): GET, POST, PUT, PATCH and DELETE of
 * {@code {path}} on that node's agent, with the agent's token, the raw query string, the body and its
 * {@code Content-Type}. The path is normalised ({@link RelayPath}) and checked against {@code [relay]}
 * ({@link RelayPolicy}) first: 403 {@code relay_denied}; a path that cannot be normalised: 400. The agent's answer
 * (status, {@code Content-Type}, body) comes back as is, except a refusal of our token (502, see {@link AgentErrors}).
 */
@Controller("/api/relay/{alias}")
@ExecuteOn(TaskExecutors.BLOCKING)
final class RelayController {
    private final NodeRegistry registry;
    private final AgentClient agents;
    private final RelayPolicy policy;
    private final ObjectMapper mapper;

    RelayController(NodeRegistry registry, AgentClient agents, RelayConfig config, ObjectMapper mapper) {
        this.registry = registry;
        this.agents = agents;
        this.policy = new RelayPolicy(config);
        this.mapper = mapper;
    }

    // {path:.+} rather than {+path}: micronaut-openapi 6.20 leaves reserved expansions out of the OpenAPI document.
    @Get("/{path:.+}")
    HttpResponse<?> get(@PathVariable String alias, @PathVariable("path") String decodedPath, HttpRequest<?> request) {
        return relay(alias, request, null);
    }

    @Delete("/{path:.+}")
    HttpResponse<?> delete(@PathVariable String alias, @PathVariable("path") String decodedPath, HttpRequest<?> request) {
        return relay(alias, request, null);
    }

    @Post("/{path:.+}")
    @Consumes(MediaType.ALL)
    HttpResponse<?> post(@PathVariable String alias, @PathVariable("path") String decodedPath, HttpRequest<?> request, @Body @Nullable byte[] body) {
        return relay(alias, request, body);
    }

    @Put("/{path:.+}")
    @Consumes(MediaType.ALL)
    HttpResponse<?> put(@PathVariable String alias, @PathVariable("path") String decodedPath, HttpRequest<?> request, @Body @Nullable byte[] body) {
        return relay(alias, request, body);
    }

    @Patch("/{path:.+}")
    @Consumes(MediaType.ALL)
    HttpResponse<?> patch(@PathVariable String alias, @PathVariable("path") String decodedPath, HttpRequest<?> request, @Body @Nullable byte[] body) {
        return relay(alias, request, body);
    }

    /** The decoded {@code {path}} is not used: the raw path is normalised by {@link RelayPath}, which also decodes it. */
    private HttpResponse<?> relay(String alias, HttpRequest<?> request, byte[] body) {
        BadRequestException.check("", () -> NodeAlias.validate(alias));
        String raw = request.getUri().getRawPath();
        String prefix = "/api/relay/" + alias;
        RelayPath path = BadRequestException.parse(() -> RelayPath.normalize(raw.substring(prefix.length())));
        if (!policy.allows(path)) {
            throw new RelayDeniedException(path.path());
        }
        NodeState node = registry.find(alias).orElseThrow(() -> new NodeNotFoundException(alias));
        if (!node.online()) {
            throw SignalingException.noNodeAvailable("node '" + alias + "' is offline");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        request.getContentType().ifPresent(type -> headers.put("Content-Type", type.toString()));
        request.getHeaders().findFirst(HttpHeaders.ACCEPT).ifPresent(accept -> headers.put("Accept", accept));
        String query = request.getUri().getRawQuery();
        AgentResponse answer = agents.send(node, request.getMethodName(), path.encoded() + (query == null ? "" : "?" + query),
                headers, body == null && needsBody(request) ? new byte[0] : body);
        if (answer.status() == 401 || answer.status() == 403) {
            return HttpResponse.status(HttpStatus.BAD_GATEWAY).contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body(AgentErrors.body(alias, answer, mapper));
        }
        MutableHttpResponse<byte[]> response = PassedStatus.of(answer.status());
        answer.header("Content-Type").ifPresent(response::contentType);
        return answer.body().length == 0 ? response : response.body(answer.body());
    }

    private static boolean needsBody(HttpRequest<?> request) {
        return switch (request.getMethodName()) {
            case "POST", "PUT", "PATCH" -> true;
            default -> false;
        };
    }

    /** 403 {@code relay_denied}. */
    static final class RelayDeniedException extends ApiException {
        RelayDeniedException(String path) {
            super(403, "relay_denied", "path '" + path + "' is not relayed (see [relay] allow and deny)");
        }
    }

}
