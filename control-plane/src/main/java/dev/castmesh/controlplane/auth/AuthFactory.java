package dev.castmesh.controlplane.auth;

import dev.castmesh.api.auth.AccessPolicy;
import dev.castmesh.api.auth.Service;
import dev.castmesh.security.AccessPolicies;
import io.micronaut.context.annotation.Factory;
import io.micronaut.security.token.generator.TokenGenerator;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/** Wires the pure auth pieces (policy, limiter, issuer, accounts) from {@link AuthConfig}. */
@Factory
final class AuthFactory {
    private static final Logger LOG = LoggerFactory.getLogger(AuthFactory.class);

    @Singleton
    AccessPolicy accessPolicy(AuthConfig auth) {
        if (!auth.isOpen()) {
            LOG.info("auth: {} static token(s), {} account(s), JWT key {}", auth.tokens().size(), auth.accounts().size(),
                    auth.secret() != null ? "from auth.secret" : "random per process");
        }
        return AccessPolicies.of(Service.CONTROL_PLANE, auth);
    }

    @Singleton
    LoginRateLimiter loginRateLimiter() {
        return LoginRateLimiter.withDefaults(Clock.systemUTC());
    }

    @Singleton
    TokenIssuer tokenIssuer(TokenGenerator generator) {
        return new TokenIssuer(generator, Clock.systemUTC());
    }

    @Singleton
    AccountVerifier accountVerifier(AuthConfig auth) {
        return new AccountVerifier(auth);
    }
}
