package dev.castmesh.controlplane.node;

import com.fasterxml.jackson.databind.JsonNode;
import dev.castmesh.controlplane.testing.Beats;
import dev.castmesh.controlplane.testing.LivemanShape;
import dev.castmesh.controlplane.testing.Reply;
import dev.castmesh.controlplane.testing.TestControlPlane;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static dev.castmesh.controlplane.testing.TestControlPlane.CLUSTER_SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The node registry HTTP API through the real server, on every database. */
abstract class NodeApiContract {
    /** Ours and Liveman's ({@code alias}, {@code url}, {@code status}, {@code duration}; {@code strategy} once it beat). */
    static final Set<String> NODE_FIELDS = Set.of("alias", "region", "publicUrl", "online", "lastSeen", "capacity", "load",
            "streams", "createdAt", "updatedAt", "url", "status", "duration");
    private static final String STRATEGY = ",\"strategy\":{\"each_stream_max_sub\":200,\"cascade_push_close_sub\":false,"
            + "\"auto_create_whip\":true,\"auto_create_whep\":false,\"auto_delete_whip\":0,\"auto_delete_whep\":-1,"
            + "\"max_viewers\":500}";
    private static final String CAM = "[{\"stream\":\"cam\",\"publisher\":true,\"cascadeFrom\":null,\"viewers\":3,"
            + "\"bitrateInBps\":1000000,\"bitrateOutBps\":3000000}]";
    private TestControlPlane app;

    abstract TestControlPlane.Db db();

    @BeforeEach
    void setUp() {
        app = TestControlPlane.shared(db());
        app.reset();
    }

    private Reply send(HttpRequest<?> request) {
        return Reply.send(app.client(), request);
    }

    private Reply beat(String alias, String secret, String json) {
        return send(Beats.request(alias, secret, json));
    }

    private Reply nodes() {
        return send(HttpRequest.GET("/api/nodes"));
    }

    @Test
    void aCopyMayNameItsSourceByAliasOrHostAndPort() {
        String copyOf = "[{\"stream\":\"cam\",\"publisher\":false,\"cascadeFrom\":\"%s\",\"viewers\":0,"
                + "\"bitrateInBps\":0,\"bitrateOutBps\":0}]";
        assertEquals(2, app.heartbeat("n1", Beats.json("http://10.0.0.5:7777", "eu",
                copyOf.formatted("agent-a"), null)).status() / 100);
        assertEquals(2, app.heartbeat("n1", Beats.json("http://10.0.0.5:7777", "eu",
                copyOf.formatted("10.0.0.9:7777"), null)).status() / 100, "an agent's pull that named no source node");
        assertEquals("streams[0].cascadeFrom must be a node alias or a host:port", app.heartbeat("n1",
                Beats.json("http://10.0.0.5:7777", "eu", copyOf.formatted("a/b"), null)).assertError(400, "bad_request").message());
    }

    @Test
    void autopushIsStoredAndOptional() {
        String json = Beats.json("http://10.0.0.5:7777", "eu", CAM, "tok-1");
        String withAutopush = json.substring(0, json.length() - 1) + ",\"autopush\":true}";
        assertEquals(2, app.heartbeat("pusher", withAutopush).status() / 100);
        assertEquals(2, app.heartbeat("plain", json).status() / 100, "a heartbeat without autopush is accepted");
        NodeRegistry registry = app.bean(NodeRegistry.class);
        assertEquals(true, registry.find("pusher").orElseThrow().autopush());
        assertEquals(false, registry.find("plain").orElseThrow().autopush());
        assertEquals(2, app.heartbeat("pusher", json).status() / 100);
        assertEquals(false, registry.find("pusher").orElseThrow().autopush(), "each heartbeat says it again");
        assertEquals("heartbeat.autopush: expected true or false", app.heartbeat("pusher",
                json.substring(0, json.length() - 1) + ",\"autopush\":\"yes\"}").assertError(400, "bad_request").message());
    }

    @Test
    void recordingFlagIsOptionalAndShownPerNodeInTheStreamList() {
        String recorded = CAM.replace("}]", ",\"recording\":true}]");
        assertEquals(2, app.heartbeat("recorder", Beats.json("http://10.0.0.5:7777", "eu", recorded, null)).status() / 100);
        assertEquals(2, app.heartbeat("older", Beats.json("http://10.0.0.6:7777", "eu", CAM, null)).status() / 100,
                "a heartbeat of an agent without the field is accepted");
        NodeRegistry registry = app.bean(NodeRegistry.class);
        assertEquals(true, registry.find("recorder").orElseThrow().streams().get(0).recording());
        assertEquals(false, registry.find("older").orElseThrow().streams().get(0).recording());

        Reply streams = send(HttpRequest.GET("/api/streams/cam"));
        assertEquals(200, streams.status(), streams.body());
        assertEquals(Set.of("older", "recorder"), Reply.fieldNames(streams.json()), "Liveman's answer: the stream by node");
        assertEquals(false, streams.json().get("older").get("nodes").get(0).get("recording").asBoolean());
        assertEquals(true, streams.json().get("recorder").get("nodes").get(0).get("recording").asBoolean(), streams.body());
        JsonNode nodes = send(HttpRequest.GET("/api/streams")).json().get(0).get("nodes");
        assertEquals("older", nodes.get(0).get("alias").asText());
        assertEquals(false, nodes.get(0).get("recording").asBoolean());
        assertEquals("recorder", nodes.get(1).get("alias").asText());
        assertEquals(true, nodes.get(1).get("recording").asBoolean(), streams.body());

        Reply bad = app.heartbeat("recorder", Beats.json("http://10.0.0.5:7777", "eu",
                CAM.replace("}]", ",\"recording\":\"yes\"}]"), null)).assertError(400, "bad_request");
        assertEquals("heartbeat.streams[0].recording: expected true or false", bad.message());
    }

    @Test
    void heartbeatRegistersAndTheNodeListShowsIt() {
        Reply reply = app.heartbeat("agent-1", Beats.json("http://10.0.0.5:7777/", "eu", CAM, "tok-1"));
        assertEquals(201, reply.status(), reply.body());
        assertEquals(Set.of("credential", "cascadeOrigins"), Reply.fieldNames(reply.json()));
        assertTrue(reply.json().get("credential").asText().matches("[A-Za-z0-9_-]{43}"), reply.body());
        assertEquals("[\"http://10.0.0.5:7777\"]", reply.json().get("cascadeOrigins").toString());

        Reply list = nodes();
        assertEquals(200, list.status());
        JsonNode node = list.json().get(0);
        assertEquals(1, list.json().size());
        assertEquals(union(NODE_FIELDS, "strategy"), Reply.fieldNames(node), "no secret or token in the view");
        assertEquals("{\"alias\":\"agent-1\",\"region\":\"eu\",\"publicUrl\":\"http://10.0.0.5:7777\",\"online\":true,"
                + "\"lastSeen\":\"2026-11-20T08:00:00.123Z\",\"capacity\":{\"maxViewers\":500,\"eachStreamMaxSub\":200},"
                + "\"load\":{\"cpuRatio\":0.25,\"bitrateInBps\":2000000,\"bitrateOutBps\":8000000,\"sessions\":5},"
                + "\"streams\":" + CAM.replace("}]", ",\"recording\":false,\"reserved\":false}]") + ",\"createdAt\":\"2026-11-20T08:00:00.123Z\",\"updatedAt\":\"2026-11-20T08:00:00.123Z\","
                + "\"url\":\"http://10.0.0.5:7777\",\"status\":\"running\",\"duration\":\"0ms\"" + STRATEGY + "}",
                node.toString());

        app.clock.advance(Duration.ofMillis(6_001));
        assertEquals(false, nodes().json().get(0).get("online").asBoolean());
        Reply again = app.heartbeat("agent-1", Beats.json("http://10.0.0.5:7777", "eu", "[]", null));
        assertEquals(200, again.status(), again.body());
        assertEquals(Set.of("cascadeOrigins"), Reply.fieldNames(again.json()), "the credential is shown once");
        assertEquals(true, nodes().json().get(0).get("online").asBoolean());
        assertEquals("2026-11-20T08:00:06.124Z", nodes().json().get(0).get("lastSeen").asText());
    }

    @Test
    void heartbeatWithoutOrWithWrongSecretIs401AndCreatesNothing() {
        String body = Beats.json("http://10.0.0.5:7777", "eu", "[]", "tok");
        Reply missing = beat("agent-1", null, body).assertError(401, "unauthorized");
        assertEquals("a heartbeat needs Authorization: Bearer <node credential, node secret or cluster secret>",
                missing.message());
        Reply wrong = beat("agent-1", "wrong-secret-wrong-secret", body).assertError(401, "unauthorized");
        assertEquals("wrong secret for node 'agent-1' (an enrolled node sends its own credential; the cluster secret only"
                + " enrols an alias that is not registered)", wrong.message());
        send(HttpRequest.PUT("/api/nodes/agent-1/heartbeat", body).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("Authorization", "Basic " + CLUSTER_SECRET)).assertError(401, "unauthorized");
        assertEquals("[]", nodes().body());
    }

    @Test
    void badHeartbeatBodiesAre400NamingTheField() {
        assertEquals("publicUrl is required",
                app.heartbeat("a", Beats.json("", "eu", "[]", null)).assertError(400, "bad_request").message());
        assertEquals("publicUrl must be http(s)://host[:port] without path, query or user",
                app.heartbeat("a", Beats.json("http://h:1/x", "eu", "[]", null)).assertError(400, "bad_request").message());
        assertEquals("streams[0].stream: stream name must not contain '/' or '\\'",
                app.heartbeat("a", Beats.json("http://h:1", "eu", "[{\"stream\":\"a/b\",\"publisher\":true,\"viewers\":0,"
                        + "\"bitrateInBps\":0,\"bitrateOutBps\":0}]", null)).assertError(400, "bad_request").message());
        assertEquals("agentToken must be 1 to 4096 visible ASCII characters, or null",
                app.heartbeat("a", Beats.json("http://h:1", "eu", "[]", "a b")).assertError(400, "bad_request").message());
        assertEquals("heartbeat.load.sessions: expected an integer",
                app.heartbeat("a", "{\"publicUrl\":\"http://h:1\",\"load\":{\"sessions\":1.5}}").assertError(400, "bad_request").message());
        assertEquals("capacity is required",
                app.heartbeat("a", "{\"publicUrl\":\"http://h:1\"}").assertError(400, "bad_request").message());
        assertEquals("node alias must be 1 to 64 characters of A-Z, a-z, 0-9, '_' and '-'",
                app.heartbeat("a.b", Beats.json("http://h:1", "eu", "[]", null)).assertError(400, "bad_request").message());
        assertEquals("[]", nodes().body());
    }

    @Test
    void createUpdateDeleteThroughTheApi() {
        Reply created = send(HttpRequest.POST("/api/nodes", "{\"alias\":\"edge-1\",\"secret\":\"edge-secret-0123456789\",\"region\":\"asia\"}"));
        assertEquals(201, created.status(), created.body());
        assertEquals(NODE_FIELDS, Reply.fieldNames(created.json()));
        assertEquals("{\"alias\":\"edge-1\",\"region\":\"asia\",\"publicUrl\":null,\"online\":false,\"lastSeen\":null,"
                + "\"capacity\":null,\"load\":null,\"streams\":[],\"createdAt\":\"2026-11-20T08:00:00.123Z\","
                + "\"updatedAt\":\"2026-11-20T08:00:00.123Z\",\"url\":\"\",\"status\":\"stopped\",\"duration\":\"-\"}",
                created.json().toString());
        send(HttpRequest.POST("/api/nodes", "{\"alias\":\"edge-1\",\"secret\":\"edge-secret-0123456789\"}")).assertError(409, "node_exists");
        assertEquals("secret must be at least 16 characters without spaces or control characters",
                send(HttpRequest.POST("/api/nodes", "{\"alias\":\"e2\",\"secret\":\"short\"}")).assertError(400, "bad_request").message());
        assertEquals("secret is required",
                send(HttpRequest.POST("/api/nodes", "{\"alias\":\"e2\"}")).assertError(400, "bad_request").message());

        String body = Beats.json("http://10.0.0.9:7777", "eu", "[]", null);
        app.heartbeat("edge-1", body).assertError(401, "unauthorized");
        assertEquals(200, beat("edge-1", "edge-secret-0123456789", body).status());

        app.clock.advance(Duration.ofSeconds(1));
        Reply updated = send(HttpRequest.PUT("/api/nodes/edge-1", "{\"secret\":\"rotated-secret-0123456\",\"region\":\"hq\"}"));
        assertEquals(200, updated.status(), updated.body());
        assertEquals("hq", updated.json().get("region").asText());
        assertEquals("2026-11-20T08:00:01.123Z", updated.json().get("updatedAt").asText());
        beat("edge-1", "edge-secret-0123456789", body).assertError(401, "unauthorized");
        assertEquals(200, beat("edge-1", "rotated-secret-0123456", body).status());
        send(HttpRequest.PUT("/api/nodes/nope", "{\"region\":\"hq\"}")).assertError(404, "node_not_found");
        assertEquals("nothing to change: give secret and/or region",
                send(HttpRequest.PUT("/api/nodes/edge-1", "{}")).assertError(400, "bad_request").message());

        assertEquals(204, send(HttpRequest.DELETE("/api/nodes/edge-1")).status());
        send(HttpRequest.DELETE("/api/nodes/edge-1")).assertError(404, "node_not_found");
        assertEquals("[]", nodes().body());
    }

    /** Issue 10 finding 8: the secret is checked before the body is read; a wrong one never gets a 400. */
    @Test
    void aWrongSecretWithABadBodyIs401Not400() {
        app.heartbeat("agent-1", Beats.json("http://10.0.0.5:7777", "eu", "[]", null));
        beat("agent-1", "wrong-secret-wrong-secret", "{not json").assertError(401, "unauthorized");
        beat("unknown", "wrong-secret-wrong-secret", "{\"publicUrl\":1}").assertError(401, "unauthorized");
        app.heartbeat("agent-1", "{not json").assertError(400, "bad_request");
    }

    /** Issue 10 finding 8: at most 256 KB, refused with 413 (declared length: before the body is read). */
    @Test
    void aHeartbeatBodyOver256KbIs413() {
        String padding = " ".repeat(256 * 1024);
        String big = Beats.json("http://10.0.0.5:7777", "eu", "[]", null) + padding;
        app.heartbeat("agent-1", big).assertError(413, "payload_too_large");
        beat("agent-1", "wrong-secret-wrong-secret", big).assertError(413, "payload_too_large");
        assertEquals("[]", nodes().body());
        String fits = Beats.json("http://10.0.0.5:7777", "eu", "[]", null) + " ".repeat(200 * 1024);
        assertEquals(201, app.heartbeat("agent-1", fits).status());
    }

    /** Issue 10 finding 1 through the API: the cluster secret enrols once; re-enrolling needs an admin's DELETE. */
    @Test
    void theClusterSecretEnrolsAnAliasOnceAndAnAdminDeleteReopensIt() {
        String body = Beats.json("http://10.0.0.5:7777", "eu", CAM, "tok-1");
        assertEquals(201, app.heartbeat("agent-1", body).status());
        String credential = app.credential("agent-1");
        Reply hijack = beat("agent-1", CLUSTER_SECRET, Beats.json("http://203.0.113.9:7777", "eu", "[]", "rogue"));
        hijack.assertError(401, "unauthorized");
        assertEquals("http://10.0.0.5:7777", nodes().json().get(0).get("publicUrl").asText());
        assertEquals(200, beat("agent-1", credential, body).status());

        assertEquals(204, send(HttpRequest.DELETE("/api/nodes/agent-1")).status());
        beat("agent-1", credential, body).assertError(401, "unauthorized");
        Reply again = beat("agent-1", CLUSTER_SECRET, body);
        assertEquals(201, again.status(), again.body());
        assertTrue(!again.json().get("credential").asText().equals(credential));
    }

    /** The origins answered to every heartbeat: each registered node's, no path. */
    @Test
    void heartbeatRepliesListEveryNodesOrigin() {
        app.heartbeat("a", Beats.json("http://10.0.0.5:7777/", "eu", "[]", null));
        Reply reply = app.heartbeat("b", Beats.json("https://edge.example", "eu", "[]", null));
        assertEquals("[\"http://10.0.0.5:7777\",\"https://edge.example:443\"]", reply.json().get("cascadeOrigins").toString());
    }

    private static Set<String> union(Set<String> fields, String... more) {
        Set<String> all = new java.util.TreeSet<>(fields);
        all.addAll(Set.of(more));
        return all;
    }

    @Test
    void livemansNodeListAtItsTrailingSlashPath() {
        assertEquals(201, app.heartbeat("agent-1", Beats.json("http://10.0.0.5:7777", "eu", CAM, null)).status());
        app.clock.advance(Duration.ofMillis(850));
        Reply list = send(HttpRequest.GET("/api/nodes/"));
        assertEquals(200, list.status(), list.body());
        LivemanShape liveman = LivemanShape.of("nodes", Set.of(), Map.of("status", Set.of("running", "stopped")));
        liveman.check(list.body());
        JsonNode node = list.json().get(0);
        assertEquals("agent-1", node.get("alias").asText());
        assertEquals("http://10.0.0.5:7777", node.get("url").asText());
        assertEquals("running", node.get("status").asText());
        assertEquals("850ms", node.get("duration").asText(), "the heartbeat's age");
        assertEquals(200, node.get("strategy").get("each_stream_max_sub").asInt());

        app.clock.advance(Duration.ofMillis(6_000));
        Reply later = send(HttpRequest.GET("/api/nodes/"));
        liveman.check(later.body());
        assertEquals("stopped", later.json().get(0).get("status").asText(), "offline after 6 s");
        assertEquals("6850ms", later.json().get(0).get("duration").asText());
    }
}
