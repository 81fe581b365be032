package dev.castmesh.agent.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castmesh.gst.client.WhepClient;
import dev.castmesh.gst.client.WhipClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code POST /api/cascade/{stream}} between two real agents: pull into a copy, push, re-attach, errors, idle end. */
class CascadeIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestAgent a;
    private static TestAgent b;
    /** Standalone agents cascade only with what {@code [cascade] allow} lists (issue 10): here any local agent. */
    static final String ALLOW_LOCAL = "[cascade]\nallow = [\"http://127.0.0.1:*\"]\n";

    @BeforeAll
    static void start() {
        a = TestAgent.start(ALLOW_LOCAL);
        b = TestAgent.start(ALLOW_LOCAL);
    }

    @AfterAll
    static void stop() {
        b.close();
        a.close();
    }

    @Test
    void pullServesACopyThatViewersDecodeAndReattachKeepsThem() throws Exception {
        try (WhipClient publisher = a.publish("cam")) {
            long t0 = System.nanoTime();
            HttpResponse<String> pulled = cascade(b, "cam", "{\"sourceUrl\":\"" + a.url + "/whep/cam\",\"sourceNode\":\"agent-a\"}");
            System.out.println("cascade: POST pull -> " + pulled.statusCode() + " after " + ms(t0) + " ms");
            assertEquals(201, pulled.statusCode(), pulled.body());
            JsonNode link = JSON.readTree(pulled.body());
            assertEquals("pull", link.get("direction").asText());
            assertEquals("agent-a", link.get("node").asText());

            long v0 = System.nanoTime();
            try (WhepClient viewer = b.play("cam")) {
                Waits.until(() -> viewer.videoFrames() > 0, Duration.ofSeconds(10), "the copy's first frame");
                System.out.println("cascade: copy viewer's first decoded frame " + ms(v0) + " ms after its offer");
                assertTrue(Waits.framesDuring(viewer, Duration.ofSeconds(2)) >= 30, "copy frames in 2 s");

                JsonNode view = streamView(b, "cam");
                assertEquals("agent-a", view.get("cascadeFrom").asText(), view.toString());
                assertTrue(view.path("publisher").isMissingNode() || view.path("publisher").isNull(), "a copy has no WHIP publisher");
                assertEquals(1, view.path("viewers").size());
                assertEquals("pull", view.at("/cascade/0/direction").asText());
                assertEquals(a.url + "/whep/cam", view.at("/cascade/0/url").asText());

                HttpResponse<String> again = cascade(b, "cam", "{\"sourceUrl\":\"" + a.url + "/whep/cam\",\"sourceNode\":\"agent-a2\"}");
                assertEquals(200, again.statusCode(), again.body());
                assertEquals(2, JSON.readTree(again.body()).get("attachments").asInt());
                long after = Waits.framesDuring(viewer, Duration.ofSeconds(2));
                assertTrue(after >= 30, "frames after re-attach in 2 s: " + after);
                Waits.until(() -> streamView(a, "cam").path("viewers").size() == 1, Duration.ofSeconds(5),
                        "the old source session ended at A");
                Waits.until(() -> "agent-a2".equals(streamView(b, "cam").path("cascadeFrom").asText()),
                        Duration.ofSeconds(3), "the copy relabelled");
            }
            assertEquals(204, b.send(b.request("/api/streams/cam").DELETE()).statusCode());
            Waits.until(() -> streamView(a, "cam").path("viewers").size() == 0, Duration.ofSeconds(5),
                    "ending the copy ends its session at the source");
        }
    }

    @Test
    void lostSourceIsReplacedWithinTheGraceElseTheCopyEnds() throws Exception {
        String pull = "{\"sourceUrl\":\"" + a.url + "/whep/fail\",\"sourceNode\":\"agent-a\"}";
        WhipClient first = a.publish("fail");
        assertEquals(201, cascade(b, "fail", pull).statusCode());
        try (WhepClient viewer = b.play("fail")) {
            Waits.until(() -> viewer.videoFrames() > 0, Duration.ofSeconds(10), "the copy's first frame");
            first.close();
            Waits.until(() -> "LOST".equals(streamView(b, "fail").at("/cascade/0/state").asText()), Duration.ofSeconds(9),
                    "the copy sees its source lost");
            try (WhipClient second = a.publish("fail")) {
                long t0 = System.nanoTime();
                HttpResponse<String> reattached = cascade(b, "fail", pull);
                System.out.println("cascade: re-attach after loss -> " + reattached.statusCode() + " after " + ms(t0) + " ms");
                assertEquals(200, reattached.statusCode(), reattached.body());
                long frames = Waits.framesDuring(viewer, Duration.ofSeconds(2));
                assertTrue(frames >= 30, "the same viewer decodes the new source: " + frames + " frames in 2 s");
                Waits.until(() -> "LIVE".equals(streamView(b, "fail").at("/cascade/0/state").asText()), Duration.ofSeconds(3),
                        "LIVE again");
            }
            long t1 = System.nanoTime();
            Waits.until(() -> !streamExists(b, "fail"), Duration.ofSeconds(20), "the copy ends after the grace period");
            System.out.println("cascade: copy without source ended " + ms(t1) + " ms after its source stopped");
            long frozen = viewer.videoFrames();
            Thread.sleep(500);
            assertEquals(frozen, viewer.videoFrames(), "no media after the copy ended");
        } finally {
            first.close();
        }
    }

    @Test
    void pushPublishesACopyOnTheTarget() throws Exception {
        try (WhipClient publisher = a.publish("out")) {
            long t0 = System.nanoTime();
            HttpResponse<String> pushed = cascade(a, "out", "{\"targetUrl\":\"" + b.url + "/whip/in?cascadeFrom=agent-a\"}");
            System.out.println("cascade: POST push -> " + pushed.statusCode() + " after " + ms(t0) + " ms");
            assertEquals(201, pushed.statusCode(), pushed.body());
            JsonNode target = streamView(b, "in");
            assertEquals("agent-a", target.get("cascadeFrom").asText(), target.toString());
            try (WhepClient viewer = b.play("in")) {
                assertTrue(Waits.framesDuring(viewer, Duration.ofSeconds(2)) >= 30, "pushed copy frames in 2 s");
            }
            JsonNode source = streamView(a, "out");
            assertEquals("push", source.at("/cascade/0/direction").asText(), source.toString());
            assertEquals(b.url + "/whip/in", source.at("/cascade/0/url").asText(), "no query (tokens) shown");
            assertEquals(0, source.path("viewers").size(), "the push is not a viewer");
            assertEquals(200, cascade(a, "out", "{\"targetUrl\":\"" + b.url + "/whip/in?cascadeFrom=agent-a\"}").statusCode());
            String metrics = a.send(a.request("/metrics")).body();
            assertTrue(metrics.contains("castmesh_agent_cascade_pushes 1.0"), metrics);
        }
        Waits.until(() -> !streamExists(b, "in"), Duration.ofSeconds(8), "the push ends with its local stream");
    }

    @Test
    void pushEndsWhenItsTargetDisappears() throws Exception {
        TestAgent c = TestAgent.start(ALLOW_LOCAL);
        try (WhipClient publisher = a.publish("gone")) {
            assertEquals(201, cascade(a, "gone", "{\"targetUrl\":\"" + c.url + "/whip/gone\"}").statusCode());
            c.close();
            long t0 = System.nanoTime();
            Waits.until(() -> streamView(a, "gone").path("cascade").isEmpty(), Duration.ofSeconds(30),
                    "the push to a vanished target ends");
            System.out.println("cascade: push to a vanished target ended after " + ms(t0) + " ms");
            assertEquals(0, streamView(a, "gone").path("viewers").size(), "the push is never listed as a viewer");
            Waits.until(() -> a.context.getBean(dev.castmesh.gst.hub.MediaEngine.class).stream("gone").orElseThrow()
                    .viewers().isEmpty(), Duration.ofSeconds(5), "the push's local session ended");
        } finally {
            c.close();
        }
    }

    @Test
    void protectedSourceNeedsTheToken() throws Exception {
        try (TestAgent locked = TestAgent.start("[auth]\ntokens = [\"cascade-token\"]\n" + ALLOW_LOCAL);
             WhipClient publisher = locked.publish("locked", dev.castmesh.gst.client.VideoCodec.VP8,
                     java.util.Optional.of("cascade-token"))) {
            String source = locked.url + "/whep/locked";
            HttpResponse<String> refused = cascade(b, "locked", "{\"sourceUrl\":\"" + source + "\"}");
            assertError(refused, 502, "cascade_failed");
            assertTrue(refused.body().contains("HTTP 401"), refused.body());
            HttpResponse<String> pulled = cascade(b, "locked", "{\"sourceUrl\":\"" + source
                    + "\",\"token\":\"cascade-token\",\"idleTimeout\":0}");
            assertEquals(201, pulled.statusCode(), pulled.body());
            assertFalse(pulled.body().contains("cascade-token"), "the token is never shown");
            assertFalse(streamView(b, "locked").toString().contains("cascade-token"));
            assertEquals(204, b.send(b.request("/api/streams/locked").DELETE()).statusCode());
        }
    }

    @Test
    void silentSourceIs504() throws Exception {
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress());
             TestAgent quick = TestAgent.start("[webrtc]\nnegotiation_timeout = 2\n" + ALLOW_LOCAL)) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = cascade(quick, "slow", "{\"sourceUrl\":\"http://127.0.0.1:" + silent.getLocalPort()
                    + "/whep/slow\"}");
            assertError(r, 504, "cascade_timeout");
            assertTrue(ms(t0) < 8000, "answered after the negotiation timeout, not later");
            assertFalse(streamExists(quick, "slow"));
        }
    }

    @Test
    void idleCopyEnds() throws Exception {
        try (WhipClient publisher = a.publish("idle")) {
            HttpResponse<String> pulled = cascade(b, "idle", "{\"sourceUrl\":\"" + a.url + "/whep/idle\",\"idleTimeout\":2}");
            assertEquals(201, pulled.statusCode(), pulled.body());
            assertEquals("127.0.0.1:" + a.url.substring(a.url.lastIndexOf(':') + 1),
                    streamView(b, "idle").get("cascadeFrom").asText(), "no sourceNode: the source's host:port");
            Waits.until(() -> !streamExists(b, "idle"), Duration.ofSeconds(6), "the idle copy ended");
            Waits.until(() -> streamView(a, "idle").path("viewers").size() == 0, Duration.ofSeconds(5),
                    "its session at the source ended");
        }
    }

    @Test
    void pushedCopyWithIdleTimeoutEndsWithoutViewersAndItsPushEnds() throws Exception {
        try (WhipClient idle = a.publish("burst"); WhipClient steady = a.publish("steady")) {
            assertEquals(201, cascade(a, "burst", "{\"targetUrl\":\"" + b.url
                    + "/whip/burst?cascadeFrom=agent-a&idleTimeout=2\"}").statusCode());
            assertEquals(201, cascade(a, "steady", "{\"targetUrl\":\"" + b.url + "/whip/steady?cascadeFrom=agent-a\"}")
                    .statusCode());
            try (WhepClient viewer = b.play("burst")) {
                long frames = Waits.framesDuring(viewer, Duration.ofSeconds(3));
                assertTrue(frames >= 45, "a watched copy outlives its idle timeout: " + frames + " frames in 3 s");
            }
            long t0 = System.nanoTime();
            Waits.until(() -> !streamExists(b, "burst"), Duration.ofSeconds(6), "the idle pushed copy ended");
            System.out.println("cascade: idle pushed copy ended " + ms(t0) + " ms after its last viewer left");
            Waits.until(() -> streamView(a, "burst").path("cascade").isEmpty(), Duration.ofSeconds(30),
                    "the source's push to it ended");
            System.out.println("cascade: its push at the source ended " + ms(t0) + " ms after the last viewer left");
            Waits.until(() -> a.context.getBean(dev.castmesh.gst.hub.MediaEngine.class).stream("burst").orElseThrow()
                    .viewers().isEmpty(), Duration.ofSeconds(5), "the push's local session ended");
            assertTrue(streamExists(b, "steady"), "a push without idleTimeout (autopush) stays without viewers");
            assertEquals("push", streamView(a, "steady").at("/cascade/0/direction").asText());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"?idleTimeout=2", "?cascadeFrom=agent-a&idleTimeout=0", "?cascadeFrom=agent-a&idleTimeout=x",
            "?cascadeFrom=agent-a&idleTimeout=86401"})
    void badPushedCopyIdleTimeoutsAre400(String query) throws Exception {
        HttpResponse<String> r = b.send(b.request("/whip/badidle" + query).header("Content-Type", "application/sdp")
                .POST(HttpRequest.BodyPublishers.ofString("v=0\r\n")));
        assertError(r, 400, "bad_request");
        assertTrue(JSON.readTree(r.body()).get("message").asText().contains("idleTimeout"), r.body());
        assertFalse(streamExists(b, "badidle"));
    }

    @Test
    void refusals() throws Exception {
        assertError(cascade(b, "nothing", "{\"sourceUrl\":\"" + a.url + "/whep/nothing\"}"), 404, "stream_not_found");
        assertError(cascade(a, "nothing", "{\"targetUrl\":\"" + b.url + "/whip/nothing\"}"), 404, "stream_not_found");
        HttpResponse<String> refused = cascade(b, "x", "{\"sourceUrl\":\"" + a.url + "/api/streams\"}");
        assertError(refused, 502, "cascade_failed");
        assertTrue(refused.body().contains("HTTP 4"), refused.body());
        try (WhipClient onB = b.publish("mine"); WhipClient onA = a.publish("mine")) {
            assertError(cascade(b, "mine", "{\"sourceUrl\":\"" + a.url + "/whep/mine\"}"), 409, "stream_already_published");
            assertTrue(streamView(b, "mine").path("publisher").isObject(), "B's own publisher is untouched");
        }
        HttpResponse<String> afterwards = b.send(b.request("/health"));
        assertEquals(200, afterwards.statusCode(), "the agent keeps serving");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "[]", "{}", "{\"sourceUrl\":\"http://a/whep/x\",\"targetUrl\":\"http://b/whip/x\"}",
            "{\"sourceUrl\":\"ftp://a/whep/x\"}", "{\"sourceUrl\":\"not a url\"}", "{\"sourceUrl\":\"http://a/x\",\"idleTimeout\":-1}",
            "{\"sourceUrl\":\"http://a/x\",\"sourceNode\":\"a b\"}", "{\"sourceUrl\":\"http://a/x\",\"extra\":1}",
            "{\"sourceUrl\":\"http://a/x\",\"idleTimeout\":\"soon\"}"})
    void badBodiesAre400(String body) throws Exception {
        HttpResponse<String> response = cascade(b, "bad", body);
        assertError(response, 400, "bad_request");
        assertFalse(streamExists(b, "bad"));
    }

    private static void assertError(HttpResponse<String> response, int status, String error) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        JsonNode json = JSON.readTree(response.body());
        assertEquals(error, json.get("error").asText(), response.body());
        assertFalse(json.get("message").asText().isBlank());
    }

    private static HttpResponse<String> cascade(TestAgent agent, String stream, String body) throws Exception {
        return agent.send(agent.request("/api/cascade/" + stream).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(40)).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static JsonNode streamView(TestAgent agent, String stream) {
        try {
            HttpResponse<String> r = agent.send(agent.request("/api/streams/" + stream));
            assertEquals(200, r.statusCode(), r.body());
            return JSON.readTree(r.body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static boolean streamExists(TestAgent agent, String stream) {
        try {
            return agent.send(agent.request("/api/streams/" + stream)).statusCode() == 200;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
