package dev.castmesh.security;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The micronaut-security settings both servers run with. The signing key is deliberately not among
 * them: {@link SigningKeyFactory} builds it from {@link AuthSettings}, so it never sits in the environment.
 */
public final class SecurityProperties {
    private SecurityProperties() {
    }

    /**
     * Who sees {@code /health}'s details (the database, registration, recorder states): everyone when the server is
     * open (everyone is admin there), else only a caller with a valid token. Micronaut decides by "authenticated", so
     * a stream-scoped JWT counts too; the details name no stream, no secret and no URL with credentials.
     */
    public static String healthDetails(AuthSettings auth) {
        return auth.isOpen() ? "ANONYMOUS" : "AUTHENTICATED";
    }

    public static Map<String, Object> of(AuthSettings auth) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("micronaut.security.enabled", true);
        // Requests that match no route get the usual 404/405, not a 401; RouteRightsRule closes the rest.
        properties.put("micronaut.security.reject-not-found", false);
        // Only Authorization: Bearer, or ?token= without an Authorization header (RequestTokenResolver). No cookies,
        // no basic auth, no framework login/keys/refresh endpoints.
        properties.put("micronaut.security.token.bearer.enabled", true);
        properties.put("micronaut.security.token.cookie.enabled", false);
        properties.put("micronaut.security.basic-auth.enabled", false);
        properties.put("micronaut.security.redirect.enabled", false);
        properties.put("micronaut.security.endpoints.login.enabled", false);
        properties.put("micronaut.security.endpoints.logout.enabled", false);
        properties.put("micronaut.security.endpoints.oauth.enabled", false);
        properties.put("micronaut.security.endpoints.introspection.enabled", false);
        properties.put("micronaut.security.endpoints.keys.enabled", false);
        // Live777 claims are {id, mode, exp}: no subject. exp is checked by micronaut; nbf too when present.
        properties.put("micronaut.security.token.jwt.claims-validators.subject-not-null", false);
        properties.put("micronaut.security.token.jwt.claims-validators.expiration", true);
        properties.put("micronaut.security.token.jwt.claims-validators.not-before", true);
        return properties;
    }
}
