package dev.castmesh.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.castmesh.api.auth.AccessMode;
import dev.castmesh.api.auth.Grant;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.DefaultJwtAuthenticationFactory;
import io.micronaut.security.token.jwt.validator.JwtAuthenticationFactory;
import jakarta.inject.Singleton;

import java.text.ParseException;
import java.util.Optional;

/**
 * Turns a JWT that micronaut-security has verified (HS256 signature with our key, not expired, not
 * before {@code nbf}) into a {@link Grant}, from the Live777 claims {@code {id, mode, exp}}. Tokens
 * without {@code exp}, with an empty or non-string {@code id}, or with a {@code mode} outside 0..7 are
 * refused (401).
 */
@Singleton
@Replaces(DefaultJwtAuthenticationFactory.class)
public final class GrantJwtAuthenticationFactory implements JwtAuthenticationFactory {
    static final String NAME_PREFIX = "jwt:";

    @Override
    public Optional<Authentication> createAuthentication(JWT token) {
        if (!(token instanceof SignedJWT signed) || !JWSAlgorithm.HS256.equals(signed.getHeader().getAlgorithm())) {
            return Optional.empty();
        }
        try {
            JWTClaimsSet claims = token.getJWTClaimsSet();
            Object leg = claims.getClaim(Grants.LEG);
            return grant(claims).map(grant -> Grants.authentication(NAME_PREFIX + grant.id(), grant,
                    leg instanceof String alias && !alias.isEmpty() ? alias : null,
                    claims.getExpirationTime().toInstant()));
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    static Optional<Grant> grant(JWTClaimsSet claims) {
        if (claims == null || claims.getExpirationTime() == null) {
            return Optional.empty();
        }
        Object id = claims.getClaim("id");
        Object mode = claims.getClaim("mode");
        if (!(id instanceof String text) || text.isEmpty() || !(mode instanceof Number number)) {
            return Optional.empty();
        }
        double value = number.doubleValue();
        if (value != Math.rint(value) || value < 0 || value > AccessMode.ALL) {
            return Optional.empty();
        }
        return Optional.of(new Grant(text, (int) value));
    }
}
