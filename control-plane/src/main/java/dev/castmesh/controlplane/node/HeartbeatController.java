package dev.castmesh.controlplane.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castmesh.api.cluster.HeartbeatReply;
import dev.castmesh.api.cluster.NodeAlias;
import dev.castmesh.api.cluster.NodeHeartbeat;
import dev.castmesh.api.http.ApiError;
import dev.castmesh.controlplane.http.BadRequestException;
import dev.castmesh.controlplane.http.JsonBody;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.nio.charset.StandardCharsets;

/**
 * {@code PUT /api/nodes/{alias}/heartbeat}, {@code Authorization: Bearer <node credential, node secret or cluster
 * secret>}, body {@link NodeHeartbeat} of at most {@value NodeHeartbeat#MAX_BODY_BYTES} bytes. In this order: 401
 * for a missing secret, 413 for a longer body ({@link HeartbeatSizeFilter} refuses a declared length before it is
 * read), 401 for a secret that admits nothing ({@link NodeRegistry#admit}), then 400 naming the field for a bad
 * body. So a wrong secret never learns anything about the body. Answers {@link HeartbeatReply}: 201 with the new
 * credential when the cluster secret enrolled the node, 200 otherwise. The rights table lets this route through
 * ({@code Scope.NODE}): the secret check is here.
 */
@Controller("/api/nodes")
@ExecuteOn(TaskExecutors.BLOCKING)
final class HeartbeatController {
    private final NodeRegistry registry;
    private final CascadePeers peers;
    private final JsonBody<NodeHeartbeat> body;

    HeartbeatController(NodeRegistry registry, CascadePeers peers, ObjectMapper mapper) {
        this.registry = registry;
        this.peers = peers;
        this.body = new JsonBody<>(mapper, NodeHeartbeat.class, "heartbeat");
    }

    @Put("/{alias}/heartbeat")
    @Consumes(MediaType.APPLICATION_JSON)
    HttpResponse<?> heartbeat(@PathVariable String alias, @Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization,
                              @Body @Nullable String json) {
        BadRequestException.check("", () -> NodeAlias.validate(alias));
        String secret = bearer(authorization);
        if (secret == null) {
            return unauthorized("a heartbeat needs Authorization: Bearer <node credential, node secret or cluster secret>");
        }
        if (json != null && json.length() > NodeHeartbeat.MAX_BODY_BYTES
                && json.getBytes(StandardCharsets.UTF_8).length > NodeHeartbeat.MAX_BODY_BYTES) {
            return HeartbeatSizeFilter.tooLarge();
        }
        Admission admission = registry.admit(alias, secret);
        if (admission.rejected()) {
            return unauthorized("wrong secret for node '" + alias + "' (an enrolled node sends its own credential; "
                    + "the cluster secret only enrols an alias that is not registered)");
        }
        NodeHeartbeat beat = BadRequestException.parse(() -> HeartbeatCheck.validate(body.read(json)));
        HeartbeatOutcome outcome = registry.heartbeat(admission, beat);
        return switch (outcome.result()) {
            case REJECTED -> unauthorized(admission.kind() == Admission.Kind.REENROL
                    ? "node '" + alias + "' is enrolled: it sends its own credential (the cluster secret enrols it again only"
                    + " with the grant key it enrolled with; else an admin deletes the node first)"
                    : "node '" + alias + "' was deleted or enrolled by another request meanwhile");
            case ENROLLED -> HttpResponse.status(HttpStatus.CREATED).body(new HeartbeatReply(outcome.credential(), peers.origins()));
            case UPDATED -> HttpResponse.ok(new HeartbeatReply(null, peers.origins()));
        };
    }

    private static String bearer(String authorization) {
        if (authorization == null || authorization.length() <= 7 || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String secret = authorization.substring(7).trim();
        return secret.isEmpty() ? null : secret;
    }

    private static HttpResponse<ApiError> unauthorized(String message) {
        return HttpResponse.<ApiError>status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(new ApiError("unauthorized", message));
    }
}
