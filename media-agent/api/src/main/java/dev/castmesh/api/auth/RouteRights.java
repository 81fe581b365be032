package dev.castmesh.api.auth;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.castmesh.api.auth.AccessMode.ADMIN;
import static dev.castmesh.api.auth.AccessMode.PUBLISH;
import static dev.castmesh.api.auth.AccessMode.SUBSCRIBE;

/**
 * THE rights table: every HTTP route of the control plane and of the media agent, with the rights it
 * needs. Both servers enforce it through {@link AccessPolicy}; a route that is served but missing here
 * is refused (401/403), so a new route starts working only once its row is added.
 *
 * <p>When two rows match a request, the one with more literal segments wins, then the earlier row.
 */
public final class RouteRights {
    private static final int A = ADMIN.bit();
    private static final int P = PUBLISH.bit();
    private static final int S = SUBSCRIBE.bit();
    private static final int NONE = AccessMode.NONE;
    private static final Set<Service> BOTH = EnumSet.allOf(Service.class);
    private static final Set<Service> CP = EnumSet.of(Service.CONTROL_PLANE);
    private static final Set<Service> AGENT = EnumSet.of(Service.MEDIA_AGENT);

    private static final List<RouteRule> TABLE = List.of(
            // WHIP / WHEP and their sessions: the agent serves them, the control plane proxies them.
            row(BOTH, "POST", "/whip/{stream}", P, Scope.STREAM),
            row(BOTH, "POST", "/whep/{stream}", S, Scope.STREAM),
            row(BOTH, "PATCH", "/session/{stream}/{session}", P | S, Scope.STREAM),
            row(BOTH, "DELETE", "/session/{stream}/{session}", P | S, Scope.STREAM),
            // Liveman's track switch ({kind, enabled}): a session's own business, like trickle.
            row(BOTH, "POST", "/session/{stream}/{session}", P | S, Scope.STREAM),
            // Liveman's pinned forms: the node named in the path.
            row(CP, "POST", "/api/whip/{alias}/{stream}", P, Scope.STREAM),
            row(CP, "POST", "/api/whep/{alias}/{stream}", S, Scope.STREAM),

            // Streams.
            row(BOTH, "GET", "/api/streams", A, Scope.ALL_STREAMS),
            row(BOTH, "GET", "/api/streams/{stream}", A, Scope.STREAM),
            row(BOTH, "POST", "/api/streams/{stream}", A, Scope.STREAM),
            row(BOTH, "DELETE", "/api/streams/{stream}", A, Scope.STREAM),
            row(BOTH, "POST", "/api/cascade/{stream}", A, Scope.STREAM),

            // Recording control.
            row(BOTH, "POST", "/api/record/{stream}", A, Scope.STREAM),
            row(BOTH, "GET", "/api/record/{stream}", A, Scope.STREAM),
            row(BOTH, "DELETE", "/api/record/{stream}", A, Scope.STREAM),

            // Recordings playback: watching a recording is subscribing to the past.
            row(CP, "GET", "/api/playback", A | S, Scope.ALL_STREAMS),
            row(CP, "GET", "/api/playback/{stream}", A | S, Scope.STREAM),
            row(CP, "PUT", "/api/recordings", A, Scope.ALL_STREAMS),
            row(CP, "POST", "/api/recordings/reconcile", A, Scope.ALL_STREAMS),
            // Storage keys are {stream}/{yyyy}/{mm}/{dd}/...: the first segment is the stream.
            row(CP, "GET", "/api/record/object/{path...}", A | S, Scope.STREAM_IN_PATH),

            // Node registry and relay.
            row(CP, "GET", "/api/nodes", A, Scope.ALL_STREAMS),
            row(CP, "POST", "/api/nodes", A, Scope.ALL_STREAMS),
            row(CP, "PUT", "/api/nodes/{alias}", A, Scope.ALL_STREAMS),
            row(CP, "DELETE", "/api/nodes/{alias}", A, Scope.ALL_STREAMS),
            // Agents authenticate with their node/cluster secret; the heartbeat handler checks it.
            row(CP, "PUT", "/api/nodes/{alias}/heartbeat", NONE, Scope.NODE),
            row(CP, RouteRule.ANY_METHOD, "/api/relay/{alias}/{path...}", A, Scope.ALL_STREAMS),

            // Liveman's server info and its live stream snapshots.
            row(CP, "GET", "/api/info", A, Scope.ALL_STREAMS),
            row(CP, "GET", "/api/sse/streams", A, Scope.ALL_STREAMS),
            row(CP, "GET", "/api/sse/events", A, Scope.ALL_STREAMS),

            // Auth.
            row(CP, "POST", "/api/login", NONE, Scope.PUBLIC),
            row(CP, "POST", "/api/token", A, Scope.ALL_STREAMS),

            // Management and dashboard. /metrics names streams and nodes: admin only
            // (Prometheus sends a static token with `authorization: credentials: ...`).
            row(BOTH, "GET", "/health", NONE, Scope.PUBLIC),
            // The OpenAPI document of each server: its routes, no data.
            row(BOTH, "GET", "/openapi.yml", NONE, Scope.PUBLIC),
            row(BOTH, "GET", "/metrics", A, Scope.ALL_STREAMS),
            row(CP, "GET", "/", NONE, Scope.PUBLIC));

    private RouteRights() {
    }

    /** Every row, for both services. */
    public static List<RouteRule> all() {
        return TABLE;
    }

    /** The rows one server enforces. */
    public static List<RouteRule> of(Service service) {
        return TABLE.stream().filter(rule -> rule.servedBy(service)).toList();
    }

    /** The row of {@code table} that applies to a request, if any. */
    public static Optional<MatchedRoute> match(List<RouteRule> table, String method, String rawPath) {
        if (method == null || rawPath == null) {
            return Optional.empty();
        }
        MatchedRoute best = null;
        for (RouteRule rule : table) {
            Optional<Map<String, String>> variables = rule.match(method, rawPath);
            if (variables.isPresent() && (best == null
                    || rule.path().literalSegments() > best.rule().path().literalSegments())) {
                best = new MatchedRoute(rule, variables.get());
            }
        }
        return Optional.ofNullable(best);
    }

    /** Rows in a stable order for listings: by path, then method. */
    public static Comparator<RouteRule> byPath() {
        return Comparator.comparing((RouteRule rule) -> rule.path().toString()).thenComparing(RouteRule::method);
    }

    private static RouteRule row(Set<Service> services, String method, String path, int anyOf, Scope scope) {
        return new RouteRule(method, PathTemplate.parse(path), anyOf, scope, services);
    }
}
