package dev.castmesh.controlplane.node;

import dev.castmesh.api.cluster.NodeHeartbeat;
import dev.castmesh.api.http.ApiError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Refuses a heartbeat whose declared {@code Content-Length} is over {@value NodeHeartbeat#MAX_BODY_BYTES} bytes with
 * 413 before the body is read (a chunked body is measured by {@link HeartbeatController}).
 */
@ServerFilter("/api/nodes/*/heartbeat")
final class HeartbeatSizeFilter {

    @RequestFilter
    @Nullable
    HttpResponse<?> limit(HttpRequest<?> request) {
        return request.getContentLength() > NodeHeartbeat.MAX_BODY_BYTES ? tooLarge() : null;
    }

    static HttpResponse<ApiError> tooLarge() {
        return HttpResponse.<ApiError>status(HttpStatus.REQUEST_ENTITY_TOO_LARGE)
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(new ApiError("payload_too_large", "a heartbeat body is at most " + NodeHeartbeat.MAX_BODY_BYTES
                        + " bytes"));
    }
}
