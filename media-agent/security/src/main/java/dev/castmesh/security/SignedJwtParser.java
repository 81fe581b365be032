package dev.castmesh.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.generator.claims.JwtClaimsSetAdapter;
import io.micronaut.security.token.jwt.validator.JsonWebTokenParser;
import jakarta.inject.Singleton;

import java.text.ParseException;
import java.util.Optional;

/**
 * Replaces micronaut-security-jwt's parser (which traces rejected tokens verbatim) with one that only
 * lets HS256-signed JWTs through to signature and claims validation, and never logs a token: unsigned
 * ({@code alg: none}), encrypted and other-algorithm tokens are refused here. Parsing is Nimbus's;
 * signature and claims checks stay micronaut-security's.
 */
@Singleton
@Replaces(JsonWebTokenParser.class)
public final class SignedJwtParser implements JsonWebTokenParser<JWT> {

    @Override
    public Optional<JWT> parse(String token) {
        if (token == null || token.chars().filter(c -> c == '.').count() != 2) {
            return Optional.empty();
        }
        try {
            JWT jwt = JWTParser.parse(token);
            if (jwt instanceof SignedJWT signed && JWSAlgorithm.HS256.equals(signed.getHeader().getAlgorithm())) {
                return Optional.of(jwt);
            }
        } catch (ParseException | RuntimeException e) {
            // Not a JWT we accept; the reason is not logged because it may quote the token.
        }
        return Optional.empty();
    }

    @Override
    public Optional<Claims> parseClaims(String token) {
        try {
            Optional<JWT> jwt = parse(token);
            return jwt.isPresent() ? Optional.of(new JwtClaimsSetAdapter(jwt.get().getJWTClaimsSet())) : Optional.empty();
        } catch (ParseException e) {
            return Optional.empty();
        }
    }
}
