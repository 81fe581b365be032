package dev.castmesh.agent.it;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.castmesh.gst.client.HttpStatusException;
import dev.castmesh.gst.client.VideoCodec;
import dev.castmesh.gst.client.WhepClient;
import dev.castmesh.gst.client.WhipClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The agent enforces the shared rights table through media-agent-security: static tokens and control-plane JWTs. */
class AuthIT {
    private static final String SECRET = "agent-it-secret-0123456789abcdefghij";
    private static final String STATIC = "control-plane-token";
    private static TestAgent agent;

    @BeforeAll
    static void start() {
        agent = TestAgent.start("[auth]\nsecret = \"" + SECRET + "\"\ntokens = [\"" + STATIC + "\"]\n");
    }

    @AfterAll
    static void stop() {
        agent.close();
    }

    static String jwt(String id, int mode) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder().claim("id", id)
                .claim("mode", mode).expirationTime(new Date(System.currentTimeMillis() + 60_000)).build());
        jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    @Test
    void publishNeedsThePublishBitPlayTheSubscribeBitAdminTheAdminBit() throws Exception {
        HttpStatusException none = assertThrows(HttpStatusException.class, () -> agent.publish("auth", VideoCodec.VP8, Optional.empty()));
        assertEquals(401, none.status());
        HttpStatusException subscribeOnly = assertThrows(HttpStatusException.class,
                () -> agent.publish("auth", VideoCodec.VP8, Optional.of(jwt("auth", 4))));
        assertEquals(403, subscribeOnly.status());
        HttpStatusException otherStream = assertThrows(HttpStatusException.class,
                () -> agent.publish("auth", VideoCodec.VP8, Optional.of(jwt("other", 2))));
        assertEquals(403, otherStream.status());
        HttpStatusException forged = assertThrows(HttpStatusException.class,
                () -> agent.publish("auth", VideoCodec.VP8, Optional.of(jwt("auth", 7) + "x")));
        assertEquals(401, forged.status());

        try (WhipClient publisher = agent.publish("auth", VideoCodec.VP8, Optional.of(STATIC))) {
            assertTrue(publisher.awaitConnected(TestAgent.TIMEOUT));
            HttpStatusException publishToken = assertThrows(HttpStatusException.class, () -> WhepClient.start(
                    new dev.castmesh.gst.client.HttpSdpExchange(URI.create(agent.url + "/whep/auth"), Optional.of(jwt("auth", 2)),
                            TestAgent.TIMEOUT), dev.castmesh.gst.client.WhepOptions.decode()));
            assertEquals(403, publishToken.status());
            try (WhepClient viewer = WhepClient.start(new dev.castmesh.gst.client.HttpSdpExchange(URI.create(agent.url + "/whep/auth"),
                    Optional.of(jwt("auth", 4)), TestAgent.TIMEOUT), dev.castmesh.gst.client.WhepOptions.decode())) {
                assertTrue(Waits.framesDuring(viewer, Duration.ofSeconds(1)) > 10, "the subscriber decodes");
            }
            // ?cascadeTo= (admitted beyond the viewer limits) needs the admin right on every stream besides subscribe.
            HttpResponse<String> notAPeer = agent.send(agent.request("/whep/auth?cascadeTo=agent-x")
                    .header("Authorization", "Bearer " + jwt("auth", 4)).header("Content-Type", "application/sdp")
                    .POST(HttpRequest.BodyPublishers.ofString("v=0\r\n")));
            assertEquals(403, notAPeer.statusCode(), notAPeer.body());
            assertTrue(notAPeer.body().contains("\"error\":\"forbidden\""), notAPeer.body());
            assertEquals(401, agent.send(agent.request("/api/streams").GET()).statusCode());
            HttpResponse<String> notAdmin = agent.send(agent.request("/api/streams").header("Authorization", "Bearer " + jwt("*", 6)).GET());
            assertEquals(403, notAdmin.statusCode());
            assertTrue(notAdmin.body().contains("\"error\":\"forbidden\""), notAdmin.body());
            assertEquals(200, agent.send(agent.request("/api/streams").header("Authorization", "Bearer " + jwt("*", 1)).GET()).statusCode());
            assertEquals(200, agent.send(agent.request("/api/streams").header("Authorization", "Bearer " + STATIC).GET()).statusCode());
            assertEquals(401, agent.send(agent.request("/metrics").GET()).statusCode());
            assertEquals(200, agent.send(agent.request("/health").GET()).statusCode());
            assertEquals(200, agent.send(agent.request("/openapi.yml").GET()).statusCode());
        }
    }

    @Test
    void creatingAStreamNeedsTheAdminBitOnIt() throws Exception {
        HttpRequest.BodyPublisher none = HttpRequest.BodyPublishers.noBody();
        assertEquals(401, agent.send(agent.request("/api/streams/auth-new").POST(none)).statusCode());
        assertEquals(403, agent.send(agent.request("/api/streams/auth-new").header("Authorization", "Bearer " + jwt("*", 6))
                .POST(none)).statusCode());
        assertEquals(403, agent.send(agent.request("/api/streams/auth-new").header("Authorization", "Bearer " + jwt("other", 1))
                .POST(none)).statusCode());
        assertEquals(204, agent.send(agent.request("/api/streams/auth-new").header("Authorization", "Bearer " + jwt("auth-new", 1))
                .POST(none)).statusCode());
        assertEquals(204, agent.send(agent.request("/api/streams/auth-new").header("Authorization", "Bearer " + STATIC)
                .DELETE()).statusCode());
    }

    /** {@code ?token=} on the agent: the same rights, the same 401, and the header wins. */
    @Test
    void aQueryTokenIsCheckedLikeTheHeader() throws Exception {
        assertEquals(200, agent.send(agent.request("/api/streams?token=" + jwt("*", 1)).GET()).statusCode());
        assertEquals(200, agent.send(agent.request("/api/streams?token=" + STATIC).GET()).statusCode());
        assertEquals(403, agent.send(agent.request("/api/streams?token=" + jwt("*", 6)).GET()).statusCode());
        String forged = jwt("*", 7) + "x";
        HttpResponse<String> byHeader = agent.send(agent.request("/api/streams").header("Authorization", "Bearer " + forged).GET());
        HttpResponse<String> byQuery = agent.send(agent.request("/api/streams?token=" + forged).GET());
        assertEquals(401, byQuery.statusCode());
        assertEquals(byHeader.body(), byQuery.body());
        assertEquals(byHeader.headers().firstValue("WWW-Authenticate"), byQuery.headers().firstValue("WWW-Authenticate"));
        assertEquals(401, agent.send(agent.request("/api/streams?token=" + STATIC).header("Authorization", "Bearer " + forged)
                .GET()).statusCode(), "the header wins");
        HttpRequest.BodyPublisher none = HttpRequest.BodyPublishers.noBody();
        assertEquals(403, agent.send(agent.request("/api/streams/auth-q?token=" + jwt("other", 1)).POST(none)).statusCode());
        assertEquals(204, agent.send(agent.request("/api/streams/auth-q?token=" + jwt("auth-q", 1)).POST(none)).statusCode());
        assertEquals(204, agent.send(agent.request("/api/streams/auth-q?token=" + STATIC).DELETE()).statusCode());
    }
}
