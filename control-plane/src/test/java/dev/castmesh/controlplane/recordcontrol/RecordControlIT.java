package dev.castmesh.controlplane.recordcontrol;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castmesh.api.cluster.NodeCapacity;
import dev.castmesh.api.cluster.NodeHeartbeat;
import dev.castmesh.api.cluster.NodeLoad;
import dev.castmesh.api.cluster.StreamSnapshot;
import dev.castmesh.controlplane.auth.AuthConfig;
import dev.castmesh.controlplane.config.ControlPlaneConfig;
import dev.castmesh.controlplane.testing.Beats;
import dev.castmesh.controlplane.testing.FakeAgent;
import dev.castmesh.controlplane.testing.Reply;
import dev.castmesh.controlplane.testing.TestControlPlane;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.castmesh.controlplane.testing.TestControlPlane.CLUSTER_SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code POST/GET/DELETE /api/record/{stream}} through a real control plane to the agent that has the stream's
 * publisher ({@link FakeAgent}s speaking the agent contract): forwarded with the agent's token, answered as is.
 */
class RecordControlIT {
    private static final String ADMIN = "admin-token-for-record-tests";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestControlPlane app;
    private FakeAgent origin;
    private FakeAgent edge;

    @BeforeAll
    static void start() {
        ControlPlaneConfig config = TestControlPlane.config(TestControlPlane.freshUrl(TestControlPlane.Db.SQLITE), 4,
                Duration.ofSeconds(10));
        app = TestControlPlane.start(new ControlPlaneConfig(config.http(), config.database(),
                new AuthConfig(null, List.of(ADMIN), null), config.cluster(), config.relay(), config.extraIce()));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @BeforeEach
    void agents() throws Exception {
        app.reset();
        origin = new FakeAgent("origin", "tok-origin");
        edge = new FakeAgent("edge", "tok-edge");
        // "edge" carries cam1 as a cascade copy and sorts first: the publisher's node must still be chosen.
        beat("edge", edge, new StreamSnapshot("cam1", false, "origin", 3, 1_000_000, 3_000_000));
        beat("origin", origin, Beats.published("cam1", 1));
    }

    @AfterEach
    void close() {
        origin.close();
        edge.close();
    }

    private static void beat(String alias, FakeAgent agent, StreamSnapshot... streams) throws Exception {
        NodeHeartbeat beat = new NodeHeartbeat(agent.url(), "hq", new NodeCapacity(100, 10), new NodeLoad(0.1, 0, 0, 1),
                List.of(streams), "tok-" + alias);
        Reply reply = app.heartbeat(alias, JSON.writeValueAsString(beat));
        assertEquals(2, reply.status() / 100, reply.body());
    }

    private static Reply send(io.micronaut.http.MutableHttpRequest<?> request) {
        return Reply.send(app.client(), request.bearerAuth(ADMIN));
    }

    @Test
    void startStateAndStopGoToThePublishersAgent() {
        Reply started = send(HttpRequest.POST("/api/record/cam1?segment=4", "{\"base_dir\":\"x\"}")
                .contentType(MediaType.APPLICATION_JSON_TYPE));
        assertEquals(200, started.status());
        assertEquals("{\"agent\":\"origin\",\"path\":\"/api/record/cam1\"}", started.body());
        assertEquals("application/json", started.contentType());
        assertEquals(200, send(HttpRequest.GET("/api/record/cam1")).status());
        assertEquals(200, send(HttpRequest.DELETE("/api/record/cam1")).status());
        assertEquals(List.of(
                "POST /api/record/cam1?segment=4 | Bearer tok-origin | application/json | null | {\"base_dir\":\"x\"}",
                "GET /api/record/cam1 | Bearer tok-origin | null | null | ",
                "DELETE /api/record/cam1 | Bearer tok-origin | null | null | "), origin.requests());
        assertEquals(List.of(), edge.requests());
    }

    @Test
    void aPostWithoutBodyIsForwardedEmpty() {
        assertEquals(200, send(HttpRequest.POST("/api/record/cam1", "")).status());
        String forwarded = origin.requests().get(0);
        assertEquals(true, forwarded.startsWith("POST /api/record/cam1 | Bearer tok-origin | ") && forwarded.endsWith("| "),
                forwarded);
    }

    @Test
    void theAgentsAnswerComesBackAsIs() {
        origin.failNext(409, "{\"error\":\"already_recording\",\"message\":\"cam1 is being recorded\"}");
        Reply conflict = send(HttpRequest.POST("/api/record/cam1", "{}").contentType(MediaType.APPLICATION_JSON_TYPE));
        assertEquals(409, conflict.status());
        assertEquals("{\"error\":\"already_recording\",\"message\":\"cam1 is being recorded\"}", conflict.body());

        origin.failNext(401, "{\"error\":\"unauthorized\",\"message\":\"bad token\"}");
        send(HttpRequest.GET("/api/record/cam1")).assertError(502, "agent_rejected_token");
    }

    @Test
    void aStreamWithoutPublisherIsNotFound() {
        send(HttpRequest.GET("/api/record/nobody")).assertError(404, "stream_not_found");
        send(HttpRequest.POST("/api/record/nobody", "{}").contentType(MediaType.APPLICATION_JSON_TYPE))
                .assertError(404, "stream_not_found");
        assertEquals(List.of(), origin.requests());
    }

    @Test
    void anUnreachableAgentIsABadGateway() {
        origin.close();
        Reply reply = send(HttpRequest.GET("/api/record/cam1"));
        assertEquals(502, reply.status(), reply.body());
    }

    @Test
    void adminRightsAreNeeded() {
        assertEquals(401, Reply.send(app.client(), HttpRequest.GET("/api/record/cam1")).status());
    }
}
