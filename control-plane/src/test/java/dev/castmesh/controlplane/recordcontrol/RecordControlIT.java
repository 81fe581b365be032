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
        NodeHeartbeat beat = new NodeHeartbeat(agent.url(), "hq", new NodeCapacity(100, 10, null), new NodeLoad(0.1, 0, 0, 1),
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

    private static String state(boolean recording, String state, String manifest) throws Exception {
        return JSON.registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule()).writeValueAsString(
                new dev.castmesh.api.recording.RecordingInfo("cam1", recording, state, java.time.Instant.parse("2026-11-20T08:00:00Z"),
                        recording ? null : java.time.Instant.parse("2026-11-20T08:01:00Z"), 4, 3, 1000, 12000, manifest, 0, null));
    }

    @Test
    void answersCarryLivemansFieldsBesideTheAgentsState() throws Exception {
        String manifest = "cam1/2026/11/20/manifest.mpd";
        origin.failNext(201, state(true, "STARTING", manifest));
        Reply started = send(HttpRequest.POST("/api/record/cam1", "{}").contentType(MediaType.APPLICATION_JSON_TYPE));
        assertEquals(201, started.status(), started.body());
        dev.castmesh.controlplane.testing.LivemanShape.of("record-start").check(started.body());
        assertEquals(true, started.json().get("started").asBoolean());
        assertEquals(manifest, started.json().get("mpd_path").asText());
        assertEquals("STARTING", started.json().get("state").asText(), "the agent's state stays");

        origin.failNext(200, state(true, "RECORDING", manifest));
        Reply status = send(HttpRequest.GET("/api/record/cam1"));
        dev.castmesh.controlplane.testing.LivemanShape.of("record-status").check(status.body());
        assertEquals(true, status.json().get("recording").asBoolean());
        assertEquals(manifest, status.json().get("mpd_path").asText());
        assertEquals(null, status.json().get("started"));

        origin.failNext(200, state(false, "FINISHED", manifest));
        Reply stopped = send(HttpRequest.DELETE("/api/record/cam1"));
        dev.castmesh.controlplane.testing.LivemanShape.of("record-stop").check(stopped.body());
        assertEquals(true, stopped.json().get("stopped").asBoolean());
        assertEquals(false, stopped.json().get("recording").asBoolean());

        origin.failNext(200, state(false, null, null));
        assertEquals("", send(HttpRequest.GET("/api/record/cam1")).json().get("mpd_path").asText(), "no manifest yet");
        origin.failNext(404, "{\"error\":\"not_recording\",\"message\":\"cam1 is not being recorded\"}");
        assertEquals("{\"error\":\"not_recording\",\"message\":\"cam1 is not being recorded\"}",
                send(HttpRequest.DELETE("/api/record/cam1")).body(), "errors come back as they are");
    }
}
