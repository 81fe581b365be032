package dev.castmesh.controlplane.streamview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castmesh.api.cluster.NodeCapacity;
import dev.castmesh.api.cluster.NodeHeartbeat;
import dev.castmesh.api.cluster.NodeLoad;
import dev.castmesh.api.cluster.StreamSnapshot;
import dev.castmesh.api.streams.CascadeLink;
import dev.castmesh.api.streams.PublisherInfo;
import dev.castmesh.api.streams.StreamInfo;
import dev.castmesh.api.streams.ViewerInfo;
import dev.castmesh.controlplane.testing.FakeAgent;
import dev.castmesh.controlplane.testing.LivemanShape;
import dev.castmesh.controlplane.testing.Reply;
import dev.castmesh.controlplane.testing.TestControlPlane;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Liveman's {@code GET /api/streams/} and {@code GET /api/streams/{id}} through the real control plane (SQLite), with
 * {@link FakeAgent}s answering the agent's {@code GET /api/streams} with our agent's own records, checked field by
 * field against fixtures written from Liveman's Rust types ({@code liveman/streams.json}; {@code stream.json} for each
 * value of the by-node map Liveman answers for one stream); and Liveman's {@code POST}/{@code DELETE /api/streams/{id}}.
 */
class LivemanStreamsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Set<String> SESSION_OPTIONAL = Set.of("cascade", "cascade.sourceUrl", "cascade.targetUrl", "cascade.sessionUrl");
    static final Map<String, Set<String>> ENUMS = Map.of(
            "state", Set.of("new", "connecting", "connected", "disconnected", "failed", "closed"),
            "statsScope", Set.of("node", "clusterNodeWork"));
    private static final Instant CREATED = Instant.parse("2026-11-20T07:59:00.250Z");

    private TestControlPlane app;
    private final List<FakeAgent> agents = new ArrayList<>();

    @BeforeEach
    void setUp() {
        app = TestControlPlane.shared(TestControlPlane.Db.SQLITE);
        app.reset();
    }

    @AfterEach
    void tearDown() {
        agents.forEach(FakeAgent::close);
    }

    private FakeAgent agent(String name) {
        FakeAgent agent = new FakeAgent(name, "tok-" + name);
        agents.add(agent);
        return agent;
    }

    private FakeAgent agent(String alias, double cpu, StreamSnapshot... streams) throws Exception {
        FakeAgent agent = agent(alias);
        beat(alias, agent, cpu, streams);
        return agent;
    }

    private void beat(String alias, FakeAgent agent, StreamSnapshot... streams) throws Exception {
        beat(alias, agent, 0.1, streams);
    }

    private void beat(String alias, FakeAgent agent, double cpu, StreamSnapshot... streams) throws Exception {
        NodeHeartbeat beat = new NodeHeartbeat(agent.url(), "eu", new NodeCapacity(100, 10, null), new NodeLoad(cpu, 0, 0, 1),
                List.of(streams), "tok-" + alias, false, agent.grantKey());
        Reply reply = app.heartbeat(alias, JSON.writeValueAsString(beat));
        assertEquals(2, reply.status() / 100, reply.body());
    }

    private Reply post(String path) {
        return Reply.send(app.client(), HttpRequest.POST(path, ""));
    }

    private Reply get(String path) {
        return Reply.send(app.client(), HttpRequest.GET(path));
    }

    static LivemanShape streamsShape() {
        return LivemanShape.of("streams", prefixed("[].publish.sessions[].", "[].subscribe.sessions[]."), ENUMS);
    }

    private static Set<String> prefixed(String... prefixes) {
        Set<String> paths = new java.util.HashSet<>();
        for (String prefix : prefixes) {
            SESSION_OPTIONAL.forEach(path -> paths.add(prefix + path));
        }
        return paths;
    }

    @Test
    void theClusterListIsLivemansStreamArrayWithRoutableSessions() throws Exception {
        FakeAgent a = agent("a");
        FakeAgent b = agent("b");
        FakeAgent c = agent("c");
        a.carry("cam");
        // the lists first: the event recorder asks the agents as soon as they beat, and that answer is cached
        String agentViewerId = "S1_x-Y"; // the fake's first session id; the control plane answers Location .../a.S1_x-Y
        a.streams(List.of(
                new StreamInfo("cam", CREATED, new PublisherInfo("P1", "CONNECTED", List.of("VP8/90000", "OPUS/48000/2"), 5000, 1_000_000),
                        List.of(new ViewerInfo(agentViewerId, "CONNECTED", List.of("VP8/90000 pt=96"), 100, 300_000),
                                new ViewerInfo("V2", "NEGOTIATING", List.of(), 0, 0)), 1_000_000, 300_000),
                new StreamInfo("zeta", CREATED.plusSeconds(30), new PublisherInfo("P2", "CONNECTING", List.of("H264/90000"), 0, 500),
                        List.of(), 500, 0)));
        b.streams(List.of(new StreamInfo("cam", CREATED.plusSeconds(5), null,
                List.of(new ViewerInfo("V9", "DISCONNECTED", List.of("VP8/90000 pt=96"), 40, 250_000)), 1_000_000, 250_000, "a",
                List.of(new CascadeLink(CascadeLink.PULL, "http://a/whep/cam", "a", "LIVE", 1_000_000, 3, 1)))));
        beat("a", a, new StreamSnapshot("cam", true, null, 2, 1_000_000, 300_000), new StreamSnapshot("zeta", true, null, 0, 500, 0));
        beat("b", b, new StreamSnapshot("cam", false, "a", 1, 1_000_000, 250_000));
        beat("c", c, new StreamSnapshot("solo", true, null, 0, 700, 0));
        // A viewer through the control plane, so the session id in the list is one the control plane handed out.
        Reply whep = Reply.send(app.client(), HttpRequest.POST("/whep/cam?nodes=a", "v=0").contentType("application/sdp"));
        assertEquals(201, whep.status(), whep.body());
        // c never lists its streams (its answer is not a stream list): c's stream is shown from its heartbeat.

        Reply list = get("/api/streams/");
        assertEquals(200, list.status(), list.body());
        streamsShape().check(list.body());
        JsonNode streams = list.json();
        assertEquals(List.of("cam", "solo", "zeta"), ids(streams));

        JsonNode cam = streams.get(0);
        assertEquals(CREATED.toEpochMilli(), cam.get("createdAt").asLong(), "the earliest over its nodes");
        assertEquals(0, cam.get("publish").get("leaveAt").asLong());
        assertEquals("[{\"id\":\"a.P1\",\"createdAt\":" + CREATED.toEpochMilli() + ",\"leaveAt\":0,\"state\":\"connected\","
                + "\"hasDataChannel\":false,\"stats\":{\"bytes\":5000,\"packets\":0,\"bitrate\":1000000},\"node\":\"a\"}]",
                cam.get("publish").get("sessions").toString());
        JsonNode viewers = cam.get("subscribe").get("sessions");
        assertEquals(List.of("a." + agentViewerId, "a.V2", "b.V9"), ids(viewers));
        assertEquals(List.of("connected", "new", "disconnected"), texts(viewers, "state"));
        assertEquals(0, cam.get("subscribe").get("leaveAt").asLong());
        assertEquals("{\"bytes\":100,\"packets\":0,\"bitrate\":300000}", viewers.get(0).get("stats").toString());
        assertEquals("[{\"kind\":\"video\",\"codec\":\"vp8\",\"fmtp\":\"\"},{\"kind\":\"audio\",\"codec\":\"opus\",\"fmtp\":\"\"}]",
                cam.get("codecs").toString());
        assertEquals("clusterNodeWork", cam.get("statsScope").asText());
        assertEquals("{\"publish\":{\"bytes\":5000,\"packets\":0,\"bitrate\":2000000},"
                + "\"subscribe\":{\"bytes\":140,\"packets\":0,\"bitrate\":550000}}", cam.get("stats").toString(),
                "node-level work summed: the cascade hop counts on b too");
        assertEquals("cam", cam.get("stream").asText(), "ours beside Liveman's");
        assertEquals(3, cam.get("viewers").asInt());
        assertEquals(List.of("a", "b"), texts(cam.get("nodes"), "alias"));
        assertEquals("a", cam.get("nodes").get(1).get("cascadeFrom").asText());

        JsonNode solo = streams.get(1);
        assertEquals("node", solo.get("statsScope").asText());
        assertEquals("[]", solo.get("publish").get("sessions").toString(), "no details from c");
        assertEquals(700, solo.get("stats").get("publish").get("bitrate").asLong(), "the heartbeat's bitrate");
        JsonNode zeta = streams.get(2);
        assertEquals(CREATED.plusSeconds(30).toEpochMilli(), zeta.get("subscribe").get("leaveAt").asLong(),
                "never watched: Live777 counts from the stream's creation");
        assertEquals("connecting", zeta.get("publish").get("sessions").get(0).get("state").asText());

        // The session ids are the control plane's: a viewer's track can be switched with one (Liveman's {kind, enabled})...
        Reply muted = Reply.send(app.client(), HttpRequest.POST("/session/cam/" + viewers.get(0).get("id").asText(),
                "{\"kind\":\"video\",\"enabled\":false}").contentType("application/json"));
        assertEquals(204, muted.status(), muted.body());
        assertEquals("POST /session/cam/" + agentViewerId + " | Bearer tok-a | application/json | null | {\"kind\":\"video\",\"enabled\":false}",
                a.requests().get(a.requests().size() - 1));
        // ... and the viewer kicked.
        Reply kicked = Reply.send(app.client(), HttpRequest.DELETE("/session/cam/" + viewers.get(0).get("id").asText()));
        assertEquals(200, kicked.status(), kicked.body());
        assertEquals("DELETE /session/cam/" + agentViewerId + " | Bearer tok-a | null | null | ", a.requests().get(a.requests().size() - 1));
    }

    @Test
    void nodesNarrowsTheListAndBadAliasesAre400() throws Exception {
        FakeAgent a = agent("a");
        FakeAgent b = agent("b");
        beat("a", a, new StreamSnapshot("cam", true, null, 0, 10, 0), new StreamSnapshot("only-a", true, null, 0, 10, 0));
        beat("b", b, new StreamSnapshot("cam", false, "a", 0, 10, 0));
        assertEquals(List.of("cam"), ids(get("/api/streams/?nodes=b").json()));
        assertEquals("node", get("/api/streams/?nodes=b").json().get(0).get("statsScope").asText());
        assertEquals(List.of("cam", "only-a"), ids(get("/api/streams/?nodes=a&nodes=b").json()));
        assertEquals(List.of("a", "b"), texts(get("/api/streams/?nodes=a&nodes=b").json().get(0).get("nodes"), "alias"));
        assertEquals("[]", get("/api/streams?nodes=nobody").body());
        assertEquals("nodes: node alias must be 1 to 64 characters of A-Z, a-z, 0-9, '_' and '-'",
                get("/api/streams/?nodes=a.b").assertError(400, "bad_request").message());
    }

    @Test
    void oneStreamIsLivemansMapByNode() throws Exception {
        FakeAgent a = agent("a");
        FakeAgent b = agent("b");
        // the lists first: the event recorder asks the agents as soon as they beat, and that answer is cached
        a.streams(List.of(new StreamInfo("cam", CREATED, new PublisherInfo("P1", "CONNECTED", List.of("VP8/90000"), 9, 10),
                List.of(new ViewerInfo("V1", "CONNECTED", List.of(), 3, 20)), 10, 20)));
        b.streams(List.of());
        beat("a", a, new StreamSnapshot("cam", true, null, 1, 10, 20));
        beat("b", b, new StreamSnapshot("cam", false, "a", 0, 10, 0));
        Reply one = get("/api/streams/cam");
        assertEquals(200, one.status(), one.body());
        LivemanShape value = LivemanShape.of("stream", prefixed(".publish.sessions[].", ".subscribe.sessions[]."), ENUMS);
        assertEquals(Set.of("a", "b"), Reply.fieldNames(one.json()));
        value.check(one.json().get("a").toString());
        value.check(one.json().get("b").toString());
        assertEquals("node", one.json().get("a").get("statsScope").asText());
        assertEquals(List.of("a.V1"), ids(one.json().get("a").get("subscribe").get("sessions")));
        assertEquals("[]", one.json().get("b").get("subscribe").get("sessions").toString());
        assertEquals(List.of("b"), texts(one.json().get("b").get("nodes"), "alias"));
        assertEquals("{}", get("/api/streams/nope").json().toString(), "Liveman's answer for a stream no node has");
        get("/api/streams/a%20b").assertError(400, "bad_request");
    }

    @Test
    void agentsAreAskedAtMostOncePerSecond() throws Exception {
        FakeAgent a = agent("a");
        beat("a", a, new StreamSnapshot("cam", true, null, 0, 10, 0));
        a.streams(List.of(new StreamInfo("cam", CREATED, null, List.of(), 10, 0)));
        assertEquals(0, get("/api/streams/").json().get(0).get("publish").get("sessions").size());
        a.streams(List.of(new StreamInfo("cam", CREATED, new PublisherInfo("P1", "CONNECTED", List.of(), 1, 1), List.of(), 10, 0)));
        assertEquals(0, get("/api/streams/").json().get(0).get("publish").get("sessions").size(), "cached");
        assertEquals(1, lists(a));
        app.clock.advance(Duration.ofMillis(1000));
        assertEquals(1, get("/api/streams/").json().get(0).get("publish").get("sessions").size(), "asked again after 1 s");
        assertEquals(2, lists(a));
    }

    private static long lists(FakeAgent agent) {
        return agent.streamListRequests().size();
    }

    private static List<String> ids(JsonNode array) {
        return texts(array, "id");
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.get(field).asText()));
        return values;
    }

    // Liveman's POST /api/streams/{id} (create a stream ahead of its publisher) and DELETE /api/streams/{id}; the fakes
    // keep reservations like our agent does.

    @Test
    void createReservesOnTheChosenNodeAndAPublishFollowsIt() throws Exception {
        FakeAgent a = agent("a", 0.1);
        FakeAgent b = agent("b", 0.9);
        Reply created = post("/api/streams/cam?nodes=b");
        assertEquals(204, created.status(), created.body());
        assertEquals("POST /api/streams/cam | Bearer tok-b | null | null | ", b.requests().get(b.requests().size() - 1));
        assertTrue(a.requests().isEmpty(), "only the named node is asked");

        // Its next heartbeat reports the reservation: a second create is refused, a publish goes to b (busier than a).
        beat("b", b, 0.9, StreamSnapshot.reservation("cam"));
        Reply again = post("/api/streams/cam");
        assertEquals(409, again.status());
        assertEquals("{\"error\":\"stream_already_exists\",\"message\":\"stream 'cam' already exists on node 'b'\"}", again.body());
        HttpResponse<String> whip = app.client().toBlocking().exchange(HttpRequest.POST("/whip/cam", "v=0")
                .contentType("application/sdp"), String.class);
        assertEquals(201, whip.code());
        assertTrue(whip.header("Location").startsWith("/session/cam/b."), whip.header("Location"));
    }

    @Test
    void withoutANamedNodeTheLeastLoadedIsChosenAndTheAgentsRefusalIsPassedOn() throws Exception {
        FakeAgent a = agent("a", 0.1);
        agent("b", 0.9);
        assertEquals(204, post("/api/streams/cam").status());
        assertEquals("POST /api/streams/cam | Bearer tok-a | null | null | ", a.requests().get(a.requests().size() - 1));
        // The heartbeat is not in yet: the agent itself refuses the second one.
        Reply again = post("/api/streams/cam");
        assertEquals(409, again.status());
        assertEquals("{\"error\":\"stream_already_exists\",\"message\":\"stream 'cam' already exists on this agent\"}", again.body());
    }

    @Test
    void badRequestsGetTheRightCode() throws Exception {
        assertEquals(503, post("/api/streams/cam").status(), "no node online");
        agent("a", 0.1, new StreamSnapshot("live", true, null, 0, 0, 0));
        assertEquals(409, post("/api/streams/live").status(), "published counts as existing");
        Reply badName = post("/api/streams/bad%20name");
        assertEquals(400, badName.status());
        assertTrue(badName.body().startsWith("{\"error\":\"bad_request\""), badName.body());
        assertEquals(400, post("/api/streams/cam?nodes=bad%20alias").status());
        Reply unknown = post("/api/streams/cam?nodes=nope");
        assertEquals(404, unknown.status());
        assertTrue(unknown.body().contains("node_not_found"), unknown.body());
    }

    @Test
    void deleteIsLivemansNoContentAlsoWhenNoNodeHasTheStream() throws Exception {
        FakeAgent a = agent("a", 0.1, StreamSnapshot.reservation("cam"));
        Reply deleted = Reply.send(app.client(), HttpRequest.DELETE("/api/streams/cam"));
        assertEquals(204, deleted.status(), deleted.body());
        assertEquals("DELETE /api/streams/cam | Bearer tok-a | null | null | ", a.requests().get(a.requests().size() - 1));
        assertEquals(204, Reply.send(app.client(), HttpRequest.DELETE("/api/streams/nobody-has-it")).status());
    }
}
