package dev.castmesh.api.auth;

import java.util.List;
import java.util.Optional;

/**
 * Decides whether a caller may make a request, from the {@link RouteRights} table alone: pure, no I/O,
 * no framework. The HTTP layer authenticates (static token or JWT → {@link Grant}, or null), asks
 * {@link #check}, and answers 401 / 403 itself.
 *
 * <ul>
 *   <li>open policy (no secret, no tokens, no accounts): everything is allowed;</li>
 *   <li>{@link Scope#PUBLIC} and {@link Scope#NODE} rows: allowed without a grant;</li>
 *   <li>no grant: {@link AccessDecision#UNAUTHENTICATED};</li>
 *   <li>{@link Scope#STREAM}: the grant's id must be the path's {@code {stream}} or {@code *}
 *       ({@link Scope#STREAM_IN_PATH}: the first segment of the path's {@code {path...}});
 *       {@link Scope#ALL_STREAMS}: the grant's id must be {@code *}; and the grant needs one of the row's bits,
 *       else {@link AccessDecision#FORBIDDEN};</li>
 *   <li>a request that matches no row is refused the same way (UNAUTHENTICATED without a grant,
 *       FORBIDDEN with one): routes missing from the table are closed, not open.</li>
 * </ul>
 */
public final class AccessPolicy {
    private final List<RouteRule> table;
    private final boolean open;

    private AccessPolicy(List<RouteRule> table, boolean open) {
        this.table = List.copyOf(table);
        this.open = open;
    }

    /** Enforces {@code service}'s rows of {@link RouteRights}. */
    public static AccessPolicy forService(Service service) {
        return new AccessPolicy(RouteRights.of(service), false);
    }

    /** Enforces the given rows (tests, or a server with extra rows). */
    public static AccessPolicy enforcing(List<RouteRule> table) {
        return new AccessPolicy(table, false);
    }

    /** Allows everything: no secret, no tokens, no accounts configured (Live777 "noauth"). */
    public static AccessPolicy open(Service service) {
        return new AccessPolicy(RouteRights.of(service), true);
    }

    public boolean isOpen() {
        return open;
    }

    public List<RouteRule> table() {
        return table;
    }

    /** The table row that applies to a request, if any. */
    public Optional<MatchedRoute> match(String method, String rawPath) {
        return RouteRights.match(table, method, rawPath);
    }

    /**
     * @param grant   what the caller's credentials grant, or null when it sent none or invalid ones
     * @param method  the HTTP method
     * @param rawPath the raw (still percent-encoded) request path, without the query string
     */
    public AccessDecision check(Grant grant, String method, String rawPath) {
        if (open) {
            return AccessDecision.ALLOW;
        }
        return match(method, rawPath)
                .map(route -> decide(grant, route))
                .orElse(grant == null ? AccessDecision.UNAUTHENTICATED : AccessDecision.FORBIDDEN);
    }

    /** The decision for a request already matched against the table. */
    public AccessDecision decide(Grant grant, MatchedRoute route) {
        if (open) {
            return AccessDecision.ALLOW;
        }
        RouteRule rule = route.rule();
        if (rule.scope() == Scope.PUBLIC || rule.scope() == Scope.NODE) {
            return AccessDecision.ALLOW;
        }
        if (grant == null) {
            return AccessDecision.UNAUTHENTICATED;
        }
        boolean perStream = rule.scope() == Scope.STREAM || rule.scope() == Scope.STREAM_IN_PATH;
        boolean streamOk = perStream ? grant.covers(route.stream()) : grant.isWildcard();
        return streamOk && grant.hasAny(rule.anyOf()) ? AccessDecision.ALLOW : AccessDecision.FORBIDDEN;
    }
}
