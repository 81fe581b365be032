package dev.castmesh.security;

import dev.castmesh.api.auth.AccessPolicy;
import dev.castmesh.api.auth.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one way a server turns its {@code [auth]} section into the {@link AccessPolicy} bean {@link RouteRightsRule} asks. */
public final class AccessPolicies {
    private static final Logger LOG = LoggerFactory.getLogger(AccessPolicies.class);

    private AccessPolicies() {
    }

    /** {@code service}'s rows of the rights table, or open (with a warning) when nothing is configured. */
    public static AccessPolicy of(Service service, AuthSettings auth) {
        if (auth.isOpen()) {
            LOG.warn("auth is open: no auth.secret, auth.tokens or auth.accounts, so every request is allowed");
            return AccessPolicy.open(service);
        }
        return AccessPolicy.forService(service);
    }
}
