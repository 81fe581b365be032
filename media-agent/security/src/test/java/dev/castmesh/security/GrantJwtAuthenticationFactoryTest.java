package dev.castmesh.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.castmesh.api.auth.Grant;
import org.junit.jupiter.api.Test;

import java.util.Date;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GrantJwtAuthenticationFactoryTest {
    private static final Date LATER = new Date(System.currentTimeMillis() + 60_000);
    private final GrantJwtAuthenticationFactory factory = new GrantJwtAuthenticationFactory();

    private static JWTClaimsSet claims(Object id, Object mode, Date exp) {
        return new JWTClaimsSet.Builder().claim("id", id).claim("mode", mode).expirationTime(exp).build();
    }

    @Test
    void readsLive777Claims() {
        assertEquals(Optional.of(new Grant("cam-1", 6)), GrantJwtAuthenticationFactory.grant(claims("cam-1", 6, LATER)));
        assertEquals(Optional.of(new Grant("*", 0)), GrantJwtAuthenticationFactory.grant(claims("*", 0L, LATER)));
        assertEquals(Optional.of(new Grant("*", 7)), GrantJwtAuthenticationFactory.grant(claims("*", 7.0, LATER)));
    }

    @Test
    void refusesIncompleteOrOddClaims() {
        assertTrue(GrantJwtAuthenticationFactory.grant(claims("cam-1", 6, null)).isEmpty());
        assertTrue(GrantJwtAuthenticationFactory.grant(claims(null, 6, LATER)).isEmpty());
        assertTrue(GrantJwtAuthenticationFactory.grant(claims("", 6, LATER)).isEmpty());
        assertTrue(GrantJwtAuthenticationFactory.grant(claims(42, 6, LATER)).isEmpty());
        assertTrue(GrantJwtAuthenticationFactory.grant(claims("cam-1", null, LATER)).isEmpty());
        assertTrue(GrantJwtAuthenticationFactory.grant(claims("cam-1", "7", LATER)).isEmpty());
        assertTrue(GrantJwtAuthenticationFactory.grant(claims("cam-1", 8, LATER)).isEmpty());
        assertTrue(GrantJwtAuthenticationFactory.grant(claims("cam-1", -1, LATER)).isEmpty());
        assertTrue(GrantJwtAuthenticationFactory.grant(claims("cam-1", 6.5, LATER)).isEmpty());
        assertTrue(GrantJwtAuthenticationFactory.grant(claims("cam-1", 1L << 33 | 7, LATER)).isEmpty());
    }

    @Test
    void onlyHs256SignedTokensBecomeAuthentications() throws JOSEException {
        JWTClaimsSet claims = claims("*", 7, LATER);
        SignedJWT hs256 = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        hs256.sign(new MACSigner("k".repeat(64)));
        assertEquals(new Grant("*", 7), Grants.of(factory.createAuthentication(hs256).orElseThrow()));
        SignedJWT hs512 = new SignedJWT(new JWSHeader(JWSAlgorithm.HS512), claims);
        hs512.sign(new MACSigner("k".repeat(64)));
        assertTrue(factory.createAuthentication(hs512).isEmpty());
        assertTrue(factory.createAuthentication(new PlainJWT(claims)).isEmpty());
    }
}
