package dev.castmesh.agent.cascade;

import dev.castmesh.api.http.ErrorCode;
import dev.castmesh.agent.http.ApiException;
import dev.castmesh.agent.signaling.StreamNames;
import dev.castmesh.api.streams.CascadeLink;
import dev.castmesh.gst.cascade.CascadeException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * {@code POST /api/cascade/{stream}} (admin), body {@link dev.castmesh.api.cluster.CascadeRequest}: pull (201 once
 * the copy carries media; 200 for a re-attach) or push (201 once the outgoing session is up). Refusals: 400 bad
 * body, 403 {@code cascade_not_allowed} for a URL that is neither a cluster node's nor in {@code [cascade] allow}
 * ({@link CascadeOrigins}), 404 no such stream at the source (pull) or here (push), 409 published here, 502 the remote
 * side refused (its status only, never its body), 504 timeout.
 */
@Controller("/api/cascade")
@ExecuteOn(TaskExecutors.BLOCKING)
final class CascadeController {
    private final CascadeManager manager;
    private final CascadeOrigins origins;

    CascadeController(CascadeManager manager, CascadeOrigins origins) {
        this.manager = manager;
        this.origins = origins;
    }

    @Post(uri = "/{stream}", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<CascadeLink> cascade(@PathVariable String stream, @Body @Nullable String body) {
        StreamNames.require(stream);
        CascadeOrder order = CascadeOrder.parse(body);
        origins.require(order.url(), order.pull() ? "sourceUrl" : "targetUrl");
        CascadeManager.Outcome outcome;
        try {
            outcome = order.pull() ? manager.pull(stream, order) : manager.push(stream, order);
        } catch (CascadeException e) {
            throw refusal(stream, order, e);
        }
        return HttpResponse.<CascadeLink>status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(outcome.link());
    }

    private static ApiException refusal(String stream, CascadeOrder order, CascadeException e) {
        String what = (order.pull() ? "pulling '" + stream + "' from " : "pushing '" + stream + "' to ")
                + order.shownUrl() + ": ";
        return switch (e.reason()) {
            case NOT_FOUND -> new ApiException(HttpStatus.NOT_FOUND, ErrorCode.STREAM_NOT_FOUND, what + e.getMessage());
            case TIMEOUT -> new ApiException(HttpStatus.GATEWAY_TIMEOUT, ErrorCode.CASCADE_TIMEOUT,
                    what + e.getMessage());
            case CODEC_MISMATCH -> new ApiException(HttpStatus.CONFLICT, ErrorCode.CODEC_MISMATCH,
                    what + e.getMessage());
            default -> new ApiException(HttpStatus.BAD_GATEWAY, ErrorCode.CASCADE_FAILED, what + e.getMessage());
        };
    }
}
