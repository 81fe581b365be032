package dev.castmesh.controlplane.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;

/** Tokens made the way any Live777-compatible issuer would, with Nimbus directly (test only). */
final class TestTokens {
    private TestTokens() {
    }

    static String hs256(String secret, String id, int mode, Duration validFor) {
        return sign(secret, JWSAlgorithm.HS256, claims(id, mode, Instant.now().plus(validFor)));
    }

    static String sign(String secret, JWSAlgorithm algorithm, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(algorithm), claims);
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String unsigned(String id, int mode) {
        return new PlainJWT(claims(id, mode, Instant.now().plusSeconds(600))).serialize();
    }

    static JWTClaimsSet claims(String id, Object mode, Instant exp) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().claim("id", id).claim("mode", mode);
        return (exp == null ? builder : builder.expirationTime(Date.from(exp))).build();
    }

    /** The claims of a token, without checking anything. */
    static Map<String, Object> payload(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet().toJSONObject();
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    static String header(String token) {
        return new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))), StandardCharsets.UTF_8);
    }

    /**
     * The JWT of a {@code POST /api/login} or {@code /api/token} answer, after checking that the answer carries it under
     * both names: ours ({@code token}) and Liveman's ({@code access_token}, with {@code token_type} "Bearer").
     */
    static String fromAnswer(String body) {
        try {
            com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
            String token = json.path("token").asText(null);
            if (token == null || !token.equals(json.path("access_token").asText(null))
                    || !"Bearer".equals(json.path("token_type").asText(null)) || json.size() != 3) {
                throw new AssertionError("not {token, access_token, token_type: Bearer}: " + body);
            }
            return token;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
