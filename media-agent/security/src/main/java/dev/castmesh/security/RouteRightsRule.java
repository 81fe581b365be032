package dev.castmesh.security;

import dev.castmesh.api.auth.AccessDecision;
import dev.castmesh.api.auth.AccessPolicy;
import dev.castmesh.api.auth.Grant;
import dev.castmesh.api.auth.MatchedRoute;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.web.router.RouteAttributes;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.Optional;

/**
 * The only security rule that decides: it asks {@link AccessPolicy} (the rights table of
 * {@code media-agent/api}) about every request and runs before micronaut-security's own rules.
 *
 * <ul>
 *   <li>request matches a table row: the policy decides (ALLOWED, or REJECTED → 401 without a valid
 *       token, 403 with one), whether or not a controller serves it yet;</li>
 *   <li>no row, no route: UNKNOWN, and with {@code reject-not-found=false} the usual 404/405 follows;</li>
 *   <li>no row but a route: REJECTED. A route that is not in the table is closed until its row is added.</li>
 * </ul>
 */
@Singleton
public final class RouteRightsRule implements SecurityRule<HttpRequest<?>> {
    /** Request attribute: the message for a rejection, read by {@link AuthErrorHandler}. */
    public static final String REASON = "castmesh.auth.reason";

    private final AccessPolicy policy;

    public RouteRightsRule(AccessPolicy policy) {
        this.policy = policy;
    }

    @Override
    public Publisher<SecurityRuleResult> check(HttpRequest<?> request, Authentication authentication) {
        return Publishers.just(decide(request, Grants.of(authentication)));
    }

    private SecurityRuleResult decide(HttpRequest<?> request, Grant grant) {
        if (policy.isOpen()) {
            return SecurityRuleResult.ALLOWED;
        }
        String method = request.getMethodName();
        Optional<MatchedRoute> route = policy.match(method, request.getUri().getRawPath());
        if (route.isEmpty()) {
            if (RouteAttributes.getRouteMatch(request).isEmpty()) {
                return SecurityRuleResult.UNKNOWN;
            }
            request.setAttribute(REASON, grant == null ? "this route needs a bearer token"
                    : "this route is not open to any token yet (it has no row in the rights table)");
            return SecurityRuleResult.REJECTED;
        }
        AccessDecision decision = policy.decide(grant, route.get());
        if (decision == AccessDecision.ALLOW) {
            return SecurityRuleResult.ALLOWED;
        }
        request.setAttribute(REASON, decision == AccessDecision.UNAUTHENTICATED
                ? "this route needs a bearer token granting " + route.get().requirement()
                : "the token does not grant " + route.get().requirement());
        return SecurityRuleResult.REJECTED;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
