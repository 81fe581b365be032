package dev.castmesh.agent.auth;

import dev.castmesh.api.auth.AccessPolicy;
import dev.castmesh.api.auth.Service;
import dev.castmesh.security.AccessPolicies;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The agent's rows of the shared rights table, enforced by the shared binding of {@code media-agent-security}. */
@Factory
final class AuthFactory {
    @Singleton
    AccessPolicy accessPolicy(AuthConfig auth) {
        return AccessPolicies.of(Service.MEDIA_AGENT, auth);
    }
}
