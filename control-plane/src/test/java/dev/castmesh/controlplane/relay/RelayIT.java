package dev.castmesh.controlplane.relay;

import dev.castmesh.api.cluster.NodeCapacity;
import dev.castmesh.api.cluster.NodeHeartbeat;
import dev.castmesh.api.cluster.NodeLoad;
import dev.castmesh.controlplane.config.ControlPlaneConfig;
import dev.castmesh.controlplane.testing.Beats;
import dev.castmesh.controlplane.testing.FakeAgent;
import dev.castmesh.controlplane.testing.Reply;
import dev.castmesh.controlplane.testing.TestControlPlane;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static dev.castmesh.controlplane.testing.TestControlPlane.CLUSTER_SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /api/relay/{alias}/...} through the real server (open auth, so only [relay] stands in the way). */
class RelayIT {
    private static TestControlPlane app;
    private static FakeAgent agent;

    @BeforeAll
    static void start() {
        ControlPlaneConfig config = TestControlPlane.config(TestControlPlane.freshUrl(TestControlPlane.Db.SQLITE), 4,
                Duration.ofSeconds(10)).withRelay(new RelayConfig(List.of("/api/"), List.of("/api/admin/")));
        app = TestControlPlane.start(config);
        agent = new FakeAgent("r", "tok-r");
    }

    @AfterAll
    static void stop() {
        agent.close();
        app.close();
    }

    @BeforeEach
    void beat() throws Exception {
        app.reset();
        agent.clearRequests();
        String json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(new NodeHeartbeat(agent.url(), "eu",
                new NodeCapacity(10, 10, null), new NodeLoad(0, 0, 0, 0), List.of(), "tok-r"));
        assertEquals(2, app.heartbeat("r", json).status() / 100);
    }

    /** A request line sent as is (an HTTP client would normalise the path). */
    private static String raw(String method, String target) throws IOException {
        try (Socket socket = new Socket(app.url().getHost(), app.url().getPort())) {
            socket.getOutputStream().write((method + " " + target + " HTTP/1.0\r\nHost: x\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return answer.substring(0, answer.indexOf("\r\n")) + " " + answer.substring(answer.indexOf("\r\n\r\n") + 4);
        }
    }

    @Test
    void relaysMethodPathQueryBodyAndToken() {
        Reply get = Reply.send(app.client(), HttpRequest.GET("/api/relay/r/api/streams?x=1&y=%2F"));
        assertEquals(200, get.status(), get.body());
        assertEquals("{\"agent\":\"r\",\"path\":\"/api/streams\"}", get.body());
        Reply post = Reply.send(app.client(), HttpRequest.POST("/api/relay/r/api/record/cam", "{\"a\":1}")
                .contentType(MediaType.APPLICATION_JSON_TYPE));
        assertEquals(200, post.status());
        assertEquals(List.of("GET /api/streams?x=1&y=%2F | Bearer tok-r | null | null | ",
                "POST /api/record/cam | Bearer tok-r | application/json | null | {\"a\":1}"), agent.requests());
    }

    @Test
    void agentAnswersPassThrough() {
        agent.failNext(404, "{\"error\":\"stream_not_found\",\"message\":\"no stream 'x'\"}");
        Reply reply = Reply.send(app.client(), HttpRequest.GET("/api/relay/r/api/streams/x"));
        assertEquals(404, reply.status());
        assertEquals("{\"error\":\"stream_not_found\",\"message\":\"no stream 'x'\"}", reply.body());
    }

    @Test
    void deniedAndOutsideAllowAre403AndNeverReachTheAgent() throws IOException {
        for (String target : List.of("/api/relay/r/api/admin/x", "/api/relay/r/API/Admin/x", "/api/relay/r/api%2Fadmin%2Fx",
                "/api/relay/r/api/streams/..%2Fadmin/x", "/api/relay/r/api//admin/x", "/api/relay/r/api/./admin/x",
                "/api/relay/r/api/x/../admin/x", "/api/relay/r/api%5Cadmin%5Cx", "/api/relay/r/health",
                "/api/relay/r/api/%2e%2e/admin/x")) {
            String answer = raw("GET", target);
            assertTrue(answer.matches("(?s)HTTP/1.[01] 403 .*") && answer.contains("\"error\":\"relay_denied\""), target + ": " + answer);
        }
        assertTrue(raw("GET", "/api/relay/r/api/%252Fadmin").matches("(?s)HTTP/1.[01] 400 .*"));
        assertTrue(raw("GET", "/api/relay/r/..%2F..%2Fx").matches("(?s)HTTP/1.[01] 400 .*"));
        assertEquals(List.of(), agent.requests());
        assertEquals("path '/api/admin/x' is not relayed (see [relay] allow and deny)",
                Reply.send(app.client(), HttpRequest.GET("/api/relay/r/api/admin/x")).assertError(403, "relay_denied").message());
    }

    /** Issue 10 finding 13: statuses Micronaut has no constant for are passed on, not turned into 500. */
    @Test
    void nonStandardAgentStatusesPassThrough() {
        for (int status : List.of(299, 499, 520)) {
            agent.failNext(status, "{\"error\":\"odd\",\"message\":\"status " + status + "\"}");
            Reply reply = Reply.send(app.client(), HttpRequest.GET("/api/relay/r/api/streams/x"));
            assertEquals(status, reply.status(), reply.body());
            assertEquals("{\"error\":\"odd\",\"message\":\"status " + status + "\"}", reply.body());
        }
        agent.failNext(520, "{\"error\":\"odd\",\"message\":\"origin down\"}");
        Reply whip = Reply.send(app.client(), HttpRequest.POST("/whip/cam", "v=0\r\n").contentType("application/sdp"));
        assertEquals("origin down", whip.assertError(520, "odd").message());
    }

    @Test
    void unknownOrOfflineNode() {
        Reply.send(app.client(), HttpRequest.GET("/api/relay/nope/api/streams")).assertError(404, "node_not_found");
        app.clock.advance(Duration.ofSeconds(7));
        assertEquals("node 'r' is offline",
                Reply.send(app.client(), HttpRequest.GET("/api/relay/r/api/streams")).assertError(503, "no_node_available").message());
    }
}
