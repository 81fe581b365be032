package dev.castmesh.controlplane.playbackproxy;

import dev.castmesh.api.http.ApiError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Answers 400 for {@code /api/record/object/...} paths that are not clean object keys ({@code ..}, {@code %2e%2e},
 * {@code %2f}, backslashes, NUL...) before security does: the rights table cannot match such a path, so security
 * would answer 401/403, and a traversal attempt deserves the plain "bad request" whoever sends it. Runs after the
 * CORS filter, so browsers can read the error.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class ObjectPathFilter implements Ordered {

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request) {
        String raw = request.getUri().getRawPath();
        if (!raw.startsWith(ObjectPath.PREFIX)) {
            return null;
        }
        try {
            ObjectPath.parse(raw);
            return null;
        } catch (IllegalArgumentException e) {
            return HttpResponse.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body(ApiError.badRequest(e.getMessage()));
        }
    }
}
