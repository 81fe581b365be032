package dev.castmesh.controlplane.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.castmesh.controlplane.node.NodeState;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 10 finding 2: what a cascade leg's token may do, for how long, and who can check it. */
class LegTokensTest {
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final String KEY = "the-grant-key-of-node-a-0123456789abcdefghij";
    private final LegTokens tokens = new LegTokens(Clock.fixed(NOW, ZoneOffset.UTC));

    private static NodeState node(String grantKey) {
        return new NodeState("a", "", "http://a:7777", "agent-a-own-token", true, NOW, null, null, List.of(), NOW, NOW,
                false, grantKey);
    }

    @Test
    void aSubscribeTokenIsForOneStreamSignedWithTheNodesKeyAndLivesFiveMinutes() throws Exception {
        SignedJWT jwt = SignedJWT.parse(tokens.subscribe(node(KEY), "cam", "b").orElseThrow());
        assertEquals(JWSAlgorithm.HS256, jwt.getHeader().getAlgorithm());
        assertTrue(jwt.verify(new MACVerifier(KEY.getBytes(StandardCharsets.US_ASCII))));
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertEquals(Map.of("id", "cam", "mode", 4L, "exp", NOW.plus(LegTokens.TTL).getEpochSecond()),
                Map.of("id", claims.getClaim("id"), "mode", claims.getLongClaim("mode"),
                        "exp", claims.getExpirationTime().toInstant().getEpochSecond()));
        assertEquals("b", claims.getStringClaim("leg"), "the node that pulls with it");
        assertFalse(jwt.verify(new MACVerifier("another-key-another-key-another-key-0123".getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void aPublishTokenHasOnlyThePublishBit() throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(tokens.publish(node(KEY), "cam").orElseThrow()).getJWTClaimsSet();
        assertEquals(2L, claims.getLongClaim("mode"));
        assertEquals("cam", claims.getStringClaim("id"));
    }

    @Test
    void aNodeWithoutAKeyGetsNoTokenNeverItsOwn() {
        assertTrue(tokens.subscribe(node(null), "cam", "b").isEmpty());
        assertTrue(tokens.publish(node(null), "cam").isEmpty());
    }
}
