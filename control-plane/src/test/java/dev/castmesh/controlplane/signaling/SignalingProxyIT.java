package dev.castmesh.controlplane.signaling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castmesh.api.cluster.NodeCapacity;
import dev.castmesh.api.cluster.NodeHeartbeat;
import dev.castmesh.api.cluster.NodeLoad;
import dev.castmesh.api.cluster.StreamSnapshot;
import dev.castmesh.controlplane.auth.AuthConfig;
import dev.castmesh.controlplane.config.ControlPlaneConfig;
import dev.castmesh.controlplane.ice.ExtraIceConfig;
import dev.castmesh.controlplane.testing.Beats;
import dev.castmesh.controlplane.testing.FakeAgent;
import dev.castmesh.controlplane.testing.Reply;
import dev.castmesh.controlplane.testing.TestControlPlane;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import static dev.castmesh.controlplane.testing.TestControlPlane.CLUSTER_SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * WHIP/WHEP/session/streams through a real control plane (auth on, static and coturn ICE servers) to agents that
 * speak the agent contract: {@link FakeAgent}s here. The HTTP exchanges with the control plane are all this test
 * relies on, apart from the agents' request logs, which prove what reached which agent.
 */
class SignalingProxyIT {
    private static final String ADMIN = "admin-token-for-proxy-tests";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestControlPlane app;
    private static FakeAgent a;
    private static FakeAgent b;

    @BeforeAll
    static void start() {
        ControlPlaneConfig config = TestControlPlane.config(TestControlPlane.freshUrl(TestControlPlane.Db.SQLITE), 4,
                Duration.ofSeconds(10));
        ExtraIceConfig ice = new ExtraIceConfig(false,
                List.of(new ExtraIceConfig.StaticServer(List.of("stun:static.test:3478"), null, null)),
                new ExtraIceConfig.Coturn("coturn-secret", List.of("turn:coturn.test:3478"), Duration.ofSeconds(3600)), null);
        app = TestControlPlane.start(new ControlPlaneConfig(config.http(), config.database(),
                new AuthConfig(null, List.of(ADMIN), null), config.cluster(), config.relay(), ice, config.cascade()));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @BeforeEach
    void agents() {
        app.reset();
        if (a != null) {
            a.close();
            b.close();
        }
        a = new FakeAgent("a", "tok-a");
        b = new FakeAgent("b", "tok-b");
    }

    private static void beat(String alias, FakeAgent agent, String region, double cpu, int maxViewers, int perStream,
                             StreamSnapshot... streams) throws Exception {
        NodeHeartbeat beat = new NodeHeartbeat(agent.url(), region, new NodeCapacity(maxViewers, perStream, null),
                new NodeLoad(cpu, 0, 0, 1), List.of(streams), "tok-" + alias, false, agent.grantKey());
        Reply reply = app.heartbeat(alias, JSON.writeValueAsString(beat));
        assertEquals(2, reply.status() / 100, reply.body());
    }

    private static MutableHttpRequest<String> offer(String path) {
        return HttpRequest.POST(path, "v=0 offer").contentType("application/sdp").bearerAuth(ADMIN);
    }

    private static HttpResponse<String> exchange(MutableHttpRequest<?> request) {
        try {
            return app.client().toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            throw new AssertionError(e.getStatus() + " " + e.getResponse().getBody(String.class).orElse(""), e);
        }
    }

    private static Reply send(MutableHttpRequest<?> request) {
        return Reply.send(app.client(), request);
    }

    @Test
    void whipGoesToTheLeastLoadedNodeWithItsTokenAndAnswersLikeAnAgent() throws Exception {
        beat("a", a, "eu", 0.5, 100, 10);
        beat("b", b, "us", 0.1, 100, 10);
        HttpResponse<String> response = exchange(offer("/whip/cam"));
        String expiry = Long.toString(TestControlPlane.START.getEpochSecond() + 3600);

        assertEquals(201, response.code());
        assertEquals("answer:v=0 offer", response.body());
        assertEquals("application/sdp", response.getContentType().orElseThrow().toString());
        assertEquals("/session/cam/b.S1_x-Y", response.header("Location"));
        assertEquals("\"e-S1_x-Y\"", response.header("ETag"));
        assertEquals(List.of("<stun:stun.b.test:3478>; rel=\"ice-server\"",
                "<stun:static.test:3478>; rel=\"ice-server\"",
                "<turn:coturn.test:3478>; rel=\"ice-server\"; username=\"" + expiry + "\"; credential=\"" + coturnCredential(expiry)
                        + "\"; credential-type=\"password\""), response.getHeaders().getAll("Link"));
        assertEquals(List.of("POST /whip/cam | Bearer tok-b | application/sdp | null | v=0 offer"), b.requests(),
                "the agent gets its own token, never the client's");
        assertEquals(List.of(), a.requests());
    }

    private static String coturnCredential(String username) {
        return new dev.castmesh.controlplane.ice.CoturnCredentials("coturn-secret", List.of("turn:x"), Duration.ZERO)
                .mint(java.time.Instant.ofEpochSecond(Long.parseLong(username)), null).credential();
    }

    @Test
    void sessionPatchAndDeleteReachTheOwningNode() throws Exception {
        beat("a", a, "eu", 0.1, 100, 10);
        beat("b", b, "us", 0.5, 100, 10);
        String location = exchange(offer("/whip/cam")).header("Location");
        assertEquals("/session/cam/a.S1_x-Y", location);

        MutableHttpRequest<String> patch = HttpRequest.PATCH(location, "a=candidate:1 1 udp 1 127.0.0.1 5000 typ host")
                .contentType("application/trickle-ice-sdpfrag").header("If-Match", "\"e-S1_x-Y\"").bearerAuth(ADMIN);
        HttpResponse<String> patched = exchange(patch);
        assertEquals(204, patched.code());
        assertEquals("\"e-S1_x-Y\"", patched.header("ETag"));
        assertEquals("PATCH /session/cam/S1_x-Y | Bearer tok-a | application/trickle-ice-sdpfrag | \"e-S1_x-Y\" | "
                + "a=candidate:1 1 udp 1 127.0.0.1 5000 typ host", a.requests().get(1));

        assertEquals(200, exchange(HttpRequest.DELETE(location).bearerAuth(ADMIN)).code());
        assertEquals("DELETE /session/cam/S1_x-Y | Bearer tok-a | null | null | ", a.requests().get(2));
        Reply gone = send(HttpRequest.DELETE(location).bearerAuth(ADMIN)).assertError(404, "session_not_found");
        assertEquals("no session 'S1_x-Y'", gone.message(), "the agent's own error, passed through");
        assertEquals(List.of(), b.requests());

        assertEquals("no session 'zz.S1' on stream 'cam' (its node 'zz' is not registered)",
                send(HttpRequest.DELETE("/session/cam/zz.S1").bearerAuth(ADMIN)).assertError(404, "session_not_found").message());
        assertEquals("no session 'nodot' on stream 'cam'",
                send(HttpRequest.DELETE("/session/cam/nodot").bearerAuth(ADMIN)).assertError(404, "session_not_found").message());
    }

    /** Issue 10: an agent's [strategy] max_streams travels in its heartbeat; a full node gets no publish of another stream. */
    @Test
    void whipSkipsANodeThatCarriesItsMaxStreams() throws Exception {
        NodeHeartbeat full = new NodeHeartbeat(a.url(), "eu", new NodeCapacity(100, 10, 1), new NodeLoad(0.0, 0, 0, 1),
                List.of(Beats.published("one", 0)), "tok-a", false, a.grantKey());
        assertEquals(2, app.heartbeat("a", JSON.writeValueAsString(full)).status() / 100);
        beat("b", b, "eu", 0.9, 100, 10);
        HttpResponse<String> placed = exchange(offer("/whip/two"));
        assertEquals("/session/two/b.S1_x-Y", placed.header("Location"), "a is idle but carries its one stream");
        assertEquals(List.of(), a.requests());
    }

    /** Issue 10: the control plane caps offers and fragments as the agent does (64 KiB), and forwards nothing bigger. */
    @Test
    void anOfferOver64KiBIsRefusedWithoutCallingAnyAgent() throws Exception {
        beat("a", a, "eu", 0.1, 100, 10);
        String big = "v=0\r\n" + "a=x-padding:0123456789abcdef0123456789abcdef\r\n".repeat(2000);
        for (String path : List.of("/whip/cam", "/whep/cam", "/api/whep/a/cam")) {
            Reply declared = send(HttpRequest.POST(path, big).contentType("application/sdp").bearerAuth(ADMIN))
                    .assertError(400, "bad_sdp");
            assertEquals("the SDP offer is larger than 65536 bytes", declared.message(), path);
        }
        Reply fragment = send(HttpRequest.PATCH("/session/cam/a.S1", big).contentType("application/trickle-ice-sdpfrag")
                .bearerAuth(ADMIN)).assertError(400, "bad_sdp");
        assertEquals("the SDP fragment is larger than 65536 bytes", fragment.message());
        assertEquals(List.of(), a.requests());
    }

    @Test
    void whipOfAPublishedStreamIs409WithoutCallingAnyAgent() throws Exception {
        beat("a", a, "eu", 0.1, 100, 10, Beats.published("cam", 0));
        beat("b", b, "us", 0.1, 100, 10);
        assertEquals("stream 'cam' is already published on node 'a'",
                send(offer("/whip/cam")).assertError(409, "stream_already_published").message());
        assertEquals(List.of(), a.requests());
        assertEquals(List.of(), b.requests());
    }

    /** Gives a fake agent a publisher, as if a WHIP client had published straight to it. */
    private static void publishDirect(FakeAgent agent, String token, String stream) throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(agent.url() + "/whip/" + stream))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/sdp")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("direct")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode());
        agent.clearRequests();
    }

    @Test
    void whepGoesToACarrierAndHonoursRegionAndForcedNode() throws Exception {
        beat("a", a, "eu", 0.1, 100, 10, Beats.published("cam", 0));
        beat("b", b, "us", 0.5, 100, 10, new StreamSnapshot("cam", false, "a", 0, 0, 0));
        publishDirect(a, "tok-a", "cam");
        publishDirect(b, "tok-b", "cam");

        HttpResponse<String> viewer = exchange(offer("/whep/cam"));
        assertEquals(201, viewer.code());
        assertEquals("/session/cam/a.S2_x-Y", viewer.header("Location"), "the least-loaded carrier");
        assertEquals(List.of("POST /whep/cam | Bearer tok-a | application/sdp | null | v=0 offer"), a.requests());
        assertEquals("/session/cam/b.S2_x-Y", exchange(offer("/whep/cam?region=us")).header("Location"));
        assertEquals("/session/cam/b.S3_x-Y", exchange(offer("/whep/cam?nodes=b")).header("Location"));
        assertEquals(1, a.requests().size());
        assertEquals(2, b.requests().size());

        assertEquals("stream 'none' is not published on any online node",
                send(offer("/whep/none")).assertError(404, "stream_not_found").message());
        assertEquals("no node 'zz'", send(offer("/whep/cam?nodes=zz")).assertError(404, "node_not_found").message());
        assertEquals("nodes: node alias must be 1 to 64 characters of A-Z, a-z, 0-9, '_' and '-'",
                send(offer("/whep/cam?nodes=a.b")).assertError(400, "bad_request").message());
        assertEquals(1, a.requests().size());
        assertEquals(2, b.requests().size());
    }

    @Test
    void livemansPinnedWhipAndWhepNameTheNodeInThePath() throws Exception {
        beat("a", a, "eu", 0.1, 100, 10);
        beat("b", b, "us", 0.9, 100, 10);
        HttpResponse<String> publisher = exchange(offer("/api/whip/b/cam"));
        assertEquals(201, publisher.code());
        assertEquals("/session/cam/b.S1_x-Y", publisher.header("Location"), "b, though a is less loaded");
        beat("b", b, "us", 0.9, 100, 10, Beats.published("cam", 0));
        beat("a", a, "eu", 0.1, 100, 10, new StreamSnapshot("cam", false, "b", 0, 0, 0));
        publishDirect(a, "tok-a", "cam");
        assertEquals("/session/cam/a.S2_x-Y", exchange(offer("/api/whep/a/cam")).header("Location"));
        assertEquals(List.of("POST /whip/cam | Bearer tok-b | application/sdp | null | v=0 offer"), b.requests());
        assertEquals("no node 'zz'", send(offer("/api/whep/zz/cam")).assertError(404, "node_not_found").message());
        assertEquals("nodes: node alias must be 1 to 64 characters of A-Z, a-z, 0-9, '_' and '-'",
                send(offer("/api/whip/a.b/cam")).assertError(400, "bad_request").message());
        send(HttpRequest.POST("/api/whip/a/cam", "v=0").contentType("application/sdp")).assertError(401, "unauthorized");
    }

    @Test
    void overflowCascadesToAnotherNodeBeforeTheViewerIsSentThere() throws Exception {
        beat("a", a, "eu", 0.1, 100, 2, Beats.published("cam", 2));
        beat("b", b, "us", 0.1, 100, 10);
        HttpResponse<String> viewer = exchange(offer("/whep/cam"));
        assertEquals("/session/cam/b.S1_x-Y", viewer.header("Location"));
        assertEquals(List.of(), a.requests(), "a is full, but a cascade pull (?cascadeTo=) is not a viewer there");
        assertEquals(List.of("POST /api/cascade/cam | Bearer tok-b | application/json | null | {\"sourceUrl\":\"" + a.url()
                + "/whep/cam?cascadeTo=b\",\"token\":\"jwt(a:cam:4)\",\"sourceNode\":\"a\",\"idleTimeout\":60}",
                "POST /whep/cam | Bearer tok-b | application/sdp | null | v=0 offer"), b.requests());
    }

    @Test
    void aViewerOfARegionWithoutCarrierIsServedByANodeThereThatPulls() throws Exception {
        beat("a", a, "eu", 0.1, 100, 10, Beats.published("cam", 2));
        beat("b", b, "us", 0.1, 100, 10);
        HttpResponse<String> viewer = exchange(offer("/whep/cam?region=us"));
        assertEquals("/session/cam/b.S1_x-Y", viewer.header("Location"));
        assertEquals(List.of("POST /api/cascade/cam | Bearer tok-b | application/json | null | {\"sourceUrl\":\"" + a.url()
                + "/whep/cam?cascadeTo=b\",\"token\":\"jwt(a:cam:4)\",\"sourceNode\":\"a\",\"idleTimeout\":60}",
                "POST /whep/cam | Bearer tok-b | application/sdp | null | v=0 offer"), b.requests());
        assertEquals(List.of(), a.requests());
    }

    @Test
    void agentErrorsKeepTheirStatusAndBodyExceptTokenRefusals() throws Exception {
        beat("a", a, "eu", 0.1, 100, 10);
        a.failNext(503, "{\"error\":\"too_many_viewers\",\"message\":\"stream 'cam' has 200 viewers\"}");
        Reply full = send(offer("/whip/cam")).assertError(503, "too_many_viewers");
        assertEquals("stream 'cam' has 200 viewers", full.message());

        a.failNext(401, "{\"error\":\"unauthorized\",\"message\":\"bad token\"}");
        assertEquals("media node 'a' refused the control plane's token (401); check the token the agent sends in its heartbeat",
                send(offer("/whip/cam")).assertError(502, "agent_rejected_token").message());

        a.failNext(500, "<html>oops</html>");
        assertEquals("media node 'a' answered 500", send(offer("/whip/cam")).assertError(500, "internal_error").message());

        a.failNext(201, "answer without a Location");
        assertEquals("media node 'a' answered without a usable Location header",
                send(offer("/whip/cam")).assertError(502, "bad_gateway").message());
    }

    @Test
    void unreachableAgentIs502() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        NodeHeartbeat beat = new NodeHeartbeat("http://127.0.0.1:" + closedPort, "eu", new NodeCapacity(10, 10, null),
                new NodeLoad(0, 0, 0, 0), List.of(), null);
        assertEquals(201, app.heartbeat("dead", JSON.writeValueAsString(beat)).status());
        assertEquals("media node 'dead' did not answer: connection refused",
                send(offer("/whip/cam")).assertError(502, "agent_unreachable").message());
    }

    @Test
    void noOnlineNodeIs503AndBadRequestsAre400() throws Exception {
        assertEquals("no media node is online", send(offer("/whip/cam")).assertError(503, "no_node_available").message());
        beat("a", a, "eu", 0.1, 100, 10);
        app.clock.advance(Duration.ofSeconds(7));
        send(offer("/whip/cam")).assertError(503, "no_node_available");
        assertEquals("the body is empty; send an application/sdp offer",
                send(HttpRequest.POST("/whip/cam", "").contentType("application/sdp").bearerAuth(ADMIN))
                        .assertError(400, "bad_request").message());
        send(HttpRequest.POST("/whip/cam", "{}").contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(ADMIN))
                .assertError(415, "unsupported_media_type");
        send(HttpRequest.POST("/whip/cam", "v=0").contentType("application/sdp")).assertError(401, "unauthorized");
        assertEquals(List.of(), a.requests());
    }

    @Test
    void streamsAreMergedFromHeartbeatsAndDeletedEverywhere() throws Exception {
        beat("b", b, "us", 0.1, 100, 10, new StreamSnapshot("cam", false, "a", 2, 10, 20));
        beat("a", a, "eu", 0.1, 100, 10, Beats.published("cam", 3), Beats.published("zeta", 0));
        beat("c", a, "eu", 0.1, 100, 10, Beats.published("offline-one", 0));
        app.clock.advance(Duration.ofSeconds(4));
        beat("a", a, "eu", 0.1, 100, 10, Beats.published("cam", 3), Beats.published("zeta", 0));
        beat("b", b, "us", 0.1, 100, 10, new StreamSnapshot("cam", false, "a", 2, 10, 20));
        app.clock.advance(Duration.ofSeconds(3)); // c is offline now

        Reply list = send(HttpRequest.GET("/api/streams").bearerAuth(ADMIN));
        assertEquals(200, list.status(), list.body());
        // Our fields of each stream, beside Liveman's (the streamview tests check those).
        List<String> ours = new java.util.ArrayList<>();
        list.json().forEach(stream -> ours.add("{\"stream\":" + stream.get("stream") + ",\"viewers\":" + stream.get("viewers")
                + ",\"nodes\":" + stream.get("nodes") + "}"));
        assertEquals("[{\"stream\":\"cam\",\"viewers\":5,\"nodes\":["
                + "{\"alias\":\"a\",\"region\":\"eu\",\"publisher\":true,\"cascadeFrom\":null,\"viewers\":3,\"bitrateInBps\":1000000,\"bitrateOutBps\":3000000,\"recording\":false},"
                + "{\"alias\":\"b\",\"region\":\"us\",\"publisher\":false,\"cascadeFrom\":\"a\",\"viewers\":2,\"bitrateInBps\":10,\"bitrateOutBps\":20,\"recording\":false}]},"
                + "{\"stream\":\"zeta\",\"viewers\":0,\"nodes\":[{\"alias\":\"a\",\"region\":\"eu\",\"publisher\":true,\"cascadeFrom\":null,"
                + "\"viewers\":0,\"bitrateInBps\":1000000,\"bitrateOutBps\":0,\"recording\":false}]}]", "[" + String.join(",", ours) + "]");
        JsonNode one = send(HttpRequest.GET("/api/streams/zeta").bearerAuth(ADMIN)).json();
        assertEquals("zeta", one.get("a").get("stream").asText(), "Liveman's answer: by node");
        assertEquals("{}", send(HttpRequest.GET("/api/streams/offline-one").bearerAuth(ADMIN)).json().toString());

        publishDirect(a, "tok-a", "cam");
        assertEquals(204, send(HttpRequest.DELETE("/api/streams/cam").bearerAuth(ADMIN)).status());
        assertEquals("DELETE /api/streams/cam | Bearer tok-a | null | null | ", a.requests().get(a.requests().size() - 1));
        assertEquals(List.of("DELETE /api/streams/cam | Bearer tok-b | null | null | "), b.requests(), "404 on b counts as ended");
        assertEquals(204, send(HttpRequest.DELETE("/api/streams/nope").bearerAuth(ADMIN)).status(), "Liveman's answer for none");
        b.failNext(500, "{}");
        assertEquals("stream 'cam' could not be ended on b (500)",
                send(HttpRequest.DELETE("/api/streams/cam").bearerAuth(ADMIN)).assertError(502, "bad_gateway").message());
    }
}
