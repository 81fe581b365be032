package dev.castmesh.security;

import dev.castmesh.api.auth.AccessMode;
import dev.castmesh.api.auth.Grant;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.endpoint.health.HealthLevelOfDetail;
import io.micronaut.management.health.aggregator.HealthAggregator;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Liveness;
import io.micronaut.security.authentication.Authentication;

import java.security.Principal;

/**
 * {@code GET /health} whose details (database, registration, disk…) only an admin sees (issue 10): Micronaut's own
 * endpoint shows them to any authenticated caller, and a viewer's token for one stream is authenticated. Everyone
 * else gets the status alone. {@code endpoints.health.details-visible} still decides for open servers (anonymous:
 * everyone is admin there).
 */
@Endpoint(value = HealthEndpoint.NAME, defaultSensitive = HealthEndpoint.DEFAULT_SENSITIVE)
@Replaces(HealthEndpoint.class)
public class AdminHealthEndpoint extends HealthEndpoint {

    public AdminHealthEndpoint(HealthAggregator<HealthResult> healthAggregator, HealthIndicator[] healthIndicators,
                               @Liveness HealthIndicator[] livenessHealthIndicators) {
        super(healthAggregator, healthIndicators, livenessHealthIndicators);
    }

    @Override
    protected HealthLevelOfDetail levelOfDetail(Principal principal) {
        return super.levelOfDetail(isAdmin(principal) ? principal : null);
    }

    private static boolean isAdmin(Principal principal) {
        Grant grant = principal instanceof Authentication authentication ? Grants.of(authentication) : null;
        return grant != null && grant.isWildcard() && grant.hasAny(AccessMode.ADMIN.bit());
    }
}
