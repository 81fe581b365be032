package dev.castmesh.controlplane.http;

import dev.castmesh.api.http.ApiError;
import dev.castmesh.controlplane.config.HttpConfig;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.annotation.PreMatching;

import java.util.List;
import java.util.Set;

/**
 * CORS for the admin API only from {@code [http] cors_origins}: a browser request (preflight or not) to {@code /api/...}
 * whose {@code Origin} is neither listed nor the control plane's own gets 403 {@code origin_not_allowed}, before
 * Micronaut's CORS filter (which answers any origin, as WHIP/WHEP, sessions and playback need; it answers preflights
 * before routes are matched, hence {@code @PreMatching} here) and before security.
 * Requests without {@code Origin} (every non-browser client) pass.
 */
@ServerFilter("/api/**")
@Order(Ordered.HIGHEST_PRECEDENCE)
final class AdminOriginFilter {
    /** Browser players read these from any origin: recordings and their objects. */
    private static final List<String> MEDIA_PREFIXES = List.of("/api/playback", "/api/record/object/");

    private final Set<String> allowed;

    AdminOriginFilter(HttpConfig http) {
        this.allowed = Set.copyOf(http.corsOrigins());
    }

    @RequestFilter
    @PreMatching
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request) {
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        if (origin == null || allowed.contains(origin) || media(request.getPath()) || sameOrigin(request, origin)) {
            return null;
        }
        return HttpResponse.<ApiError>status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(new ApiError("origin_not_allowed", "the admin API answers browsers only from [http] cors_origins"));
    }

    private static boolean media(String path) {
        return MEDIA_PREFIXES.stream().anyMatch(path::startsWith);
    }

    private static boolean sameOrigin(HttpRequest<?> request, String origin) {
        String host = request.getHeaders().get(HttpHeaders.HOST);
        return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
    }
}
