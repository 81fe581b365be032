package dev.castmesh.controlplane.auth;

import dev.castmesh.security.SigningKeyFactory;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import dev.castmesh.api.auth.Grant;
import io.micronaut.security.token.generator.TokenGenerator;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Map;

/**
 * Mints Live777-style tokens: HS256 JWTs with the claims {@code {id, mode, exp}}, signed by
 * micronaut-security-jwt's generator with the key of {@link SigningKeyFactory}.
 */
final class TokenIssuer {
    /** Lifetime of dashboard login tokens. */
    static final Duration LOGIN_TTL = Duration.ofHours(24);
    /** Lifetime of minted tokens when the request names none. */
    static final Duration DEFAULT_TTL = Duration.ofHours(1);
    /** Longest lifetime {@code POST /api/token} hands out. */
    static final Duration MAX_TTL = Duration.ofDays(7);

    private final TokenGenerator generator;
    private final Clock clock;

    TokenIssuer(TokenGenerator generator, Clock clock) {
        this.generator = generator;
        this.clock = clock;
    }

    String issue(Grant grant, Duration ttl) {
        long exp = clock.instant().plus(ttl).getEpochSecond();
        Map<String, Object> claims = Map.of("id", grant.id(), "mode", grant.mode(), "exp", new Date(exp * 1000));
        String token = generator.generateToken(claims).orElseThrow(() -> new IllegalStateException("signing a token failed"));
        if (!isHs256(token)) {
            // Never hand out an unsigned token, whatever the wiring of the generator's signature.
            throw new IllegalStateException("the JWT generator did not sign with HS256");
        }
        return token;
    }

    private static boolean isHs256(String token) {
        try {
            return JWTParser.parse(token) instanceof SignedJWT signed
                    && JWSAlgorithm.HS256.equals(signed.getHeader().getAlgorithm());
        } catch (ParseException e) {
            return false;
        }
    }
}
