package dev.castmesh.controlplane.cascade;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castmesh.api.cluster.NodeCapacity;
import dev.castmesh.api.cluster.NodeHeartbeat;
import dev.castmesh.api.cluster.NodeLoad;
import dev.castmesh.api.cluster.StreamSnapshot;
import dev.castmesh.controlplane.auth.AuthConfig;
import dev.castmesh.controlplane.config.ControlPlaneConfig;
import dev.castmesh.controlplane.node.ClusterConfig;
import dev.castmesh.controlplane.testing.Beats;
import dev.castmesh.controlplane.testing.FakeAgent;
import dev.castmesh.controlplane.testing.Reply;
import dev.castmesh.controlplane.testing.TestControlPlane;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.castmesh.controlplane.testing.TestControlPlane.CLUSTER_SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Cascades through a real control plane (admin token, {@code [cluster] region = "hq"}, agent timeout 1 s, pull
 * rules) to {@link FakeAgent}s: what each agent is asked, and what viewers and operators get back.
 */
class CascadeIT {
    private static final String ADMIN = "admin-token-for-cascade-tests";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestControlPlane app;
    private static FakeAgent external;
    private FakeAgent a;
    private FakeAgent b;
    private FakeAgent c;

    @BeforeAll
    static void start() {
        external = new FakeAgent("ext", null);
        ControlPlaneConfig config = TestControlPlane.config(TestControlPlane.freshUrl(TestControlPlane.Db.SQLITE), 4,
                Duration.ofSeconds(10));
        CascadeConfig cascade = new CascadeConfig(Duration.ofSeconds(30), CascadeMode.PULL, Duration.ZERO, List.of(
                new PullRule("ext-(.*)", external.url() + "/whep/$1", "ext-token"),
                new PullRule("live-(.*)", "$1")));
        app = TestControlPlane.start(new ControlPlaneConfig(config.http(), config.database(),
                new AuthConfig(null, List.of(ADMIN), null),
                new ClusterConfig(true, CLUSTER_SECRET, null, "hq", Duration.ofSeconds(1)), config.relay(), config.extraIce(),
                cascade));
    }

    @AfterAll
    static void stop() {
        app.close();
        external.close();
    }

    @BeforeEach
    void agents() {
        app.reset();
        a = new FakeAgent("a", "tok-a");
        b = new FakeAgent("b", "tok-b");
        c = new FakeAgent("c", "tok-c");
    }

    @AfterEach
    void closeAgents() {
        a.close();
        b.close();
        c.close();
    }

    private static void beat(String alias, FakeAgent agent, String region, double cpu, int perStream, boolean autopush,
                             StreamSnapshot... streams) throws Exception {
        NodeHeartbeat beat = new NodeHeartbeat(agent.url(), region, new NodeCapacity(100, perStream, null),
                new NodeLoad(cpu, 0, 0, 1), List.of(streams), "tok-" + alias, autopush, agent.grantKey());
        Reply reply = app.heartbeat(alias, JSON.writeValueAsString(beat));
        assertEquals(2, reply.status() / 100, reply.body());
    }

    private static void beat(String alias, FakeAgent agent, String region, double cpu, StreamSnapshot... streams) throws Exception {
        beat(alias, agent, region, cpu, 10, false, streams);
    }

    private static StreamSnapshot copy(String stream, String from) {
        return new StreamSnapshot(stream, false, from, 0, 0, 0);
    }

    private static Reply cascade(String stream, String body) {
        return Reply.send(app.client(), HttpRequest.POST("/api/cascade/" + stream, body)
                .contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(ADMIN));
    }

    private static MutableHttpRequest<String> whep(String path) {
        return HttpRequest.POST(path, "v=0 offer").contentType("application/sdp").bearerAuth(ADMIN);
    }

    private static String pullBody(FakeAgent source, String stream, String token, String sourceNode, String target) {
        return "{\"sourceUrl\":\"" + source.url() + "/whep/" + stream + "?cascadeTo=" + target + "\"," + (token == null ? "" : "\"token\":\"" + token + "\",")
                + "\"sourceNode\":\"" + sourceNode + "\",\"idleTimeout\":30}";
    }

    // --- POST /api/cascade/{stream}

    @Test
    void operatorPullGoesToTheTargetWithTheSourcesUrlAndToken() throws Exception {
        beat("a", a, "eu", 0.1, Beats.published("cam", 0));
        beat("b", b, "us", 0.1);
        Reply reply = cascade("cam", "{\"target\":\"b\"}");
        assertEquals(201, reply.status(), reply.body());
        assertEquals("{\"stream\":\"cam\",\"source\":\"a\",\"target\":\"b\",\"mode\":\"pull\"}", reply.body());
        assertEquals(List.of("POST /api/cascade/cam | Bearer tok-b | application/json | null | " + pullBody(a, "cam", "jwt(a:cam:4)", "a", "b")),
                b.requests());
        assertEquals(List.of(), a.requests());
    }

    @Test
    void operatorPushAsksTheSourceToPublishToTheTargetMarkedAsACopy() throws Exception {
        beat("a", a, "eu", 0.1, Beats.published("cam", 0));
        beat("b", b, "us", 0.1);
        beat("c", c, "us", 0.1, copy("cam", "a"));
        Reply reply = cascade("cam", "{\"target\":\"b\",\"source\":\"c\",\"mode\":\"push\"}");
        assertEquals(201, reply.status(), reply.body());
        assertEquals("{\"stream\":\"cam\",\"source\":\"c\",\"target\":\"b\",\"mode\":\"push\"}", reply.body());
        assertEquals(List.of("POST /api/cascade/cam | Bearer tok-c | application/json | null | {\"targetUrl\":\"" + b.url()
                + "/whip/cam?cascadeFrom=c\",\"token\":\"jwt(b:cam:2)\"}"), c.requests());
        assertEquals(List.of(), b.requests());
    }

    @Test
    void operatorDefaultModeIsTheConfiguredOneEvenFromAFullSourceAnExplicitModeIsKept() throws Exception {
        beat("a", a, "eu", 0.1, 1, false, Beats.published("cam", 1));
        beat("b", b, "us", 0.1);
        beat("c", c, "us", 0.1);
        // A cascade pull is not a viewer on the source (?cascadeTo=): a full source feeds it all the same.
        assertEquals("{\"stream\":\"cam\",\"source\":\"a\",\"target\":\"b\",\"mode\":\"pull\"}",
                cascade("cam", "{\"target\":\"b\"}").body());
        assertEquals(1, b.cascadeRequests().size());
        assertEquals("{\"stream\":\"cam\",\"source\":\"a\",\"target\":\"c\",\"mode\":\"push\"}",
                cascade("cam", "{\"target\":\"c\",\"mode\":\"push\"}").body());
        assertEquals(1, a.cascadeRequests().size());
    }

    @Test
    void operatorChainsFromANodeThatJustGotACopyBeforeItsHeartbeatShowsIt() throws Exception {
        beat("a", a, "eu", 0.1, Beats.published("cam", 0));
        beat("b", b, "us", 0.1);
        beat("c", c, "us", 0.1);
        assertEquals("node 'b' does not carry stream 'cam'", cascade("cam", "{\"target\":\"c\",\"source\":\"b\"}")
                .assertError(404, "stream_not_found").message(), "not before the cascade to b");
        assertEquals(201, cascade("cam", "{\"target\":\"b\"}").status());
        Reply chained = cascade("cam", "{\"target\":\"c\",\"source\":\"b\"}");
        assertEquals(201, chained.status(), chained.body());
        assertEquals("{\"stream\":\"cam\",\"source\":\"b\",\"target\":\"c\",\"mode\":\"pull\"}", chained.body());
        assertEquals(List.of("POST /api/cascade/cam | Bearer tok-c | application/json | null | " + pullBody(b, "cam", "jwt(b:cam:4)", "b", "c")),
                c.requests());
    }

    @Test
    void operatorRefusals() throws Exception {
        beat("a", a, "eu", 0.1, Beats.published("cam", 0));
        beat("b", b, "us", 0.1);
        assertEquals("no node 'zz'", cascade("cam", "{\"target\":\"zz\"}").assertError(404, "node_not_found").message());
        assertEquals("stream 'nope' is not on any online node",
                cascade("nope", "{\"target\":\"b\"}").assertError(404, "stream_not_found").message());
        assertEquals("node 'a' already has stream 'cam'",
                cascade("cam", "{\"target\":\"a\"}").assertError(409, "already_carried").message());
        assertEquals("target is required (a node alias)", cascade("cam", "{}").assertError(400, "bad_request").message());
        assertEquals("mode: must be \"pull\" or \"push\"",
                cascade("cam", "{\"target\":\"b\",\"mode\":\"both\"}").assertError(400, "bad_request").message());
        cascade("cam", "{\"target\":\"a.b\"}").assertError(400, "bad_request");
        cascade("cam", "[1]").assertError(400, "bad_request");
        cascade("cam", "not json").assertError(400, "bad_request");
        cascade("cam", "").assertError(400, "bad_request");
        Reply.send(app.client(), HttpRequest.POST("/api/cascade/cam", "{\"target\":\"b\"}")
                .contentType(MediaType.APPLICATION_JSON_TYPE)).assertError(401, "unauthorized");
        assertEquals(List.of(), a.requests());
        assertEquals(List.of(), b.requests());
    }

    @Test
    void agentFailuresAreClear502503And504() throws Exception {
        beat("a", a, "eu", 0.1, Beats.published("cam", 0));
        beat("b", b, "us", 0.1);
        b.cascadeStatus(503);
        assertEquals("media node 'b' could not pull stream 'cam' from node 'a' (503 cascade_error: agent b says no)",
                cascade("cam", "{\"target\":\"b\"}").assertError(503, "cascade_unavailable").message());
        b.cascadeStatus(404);
        cascade("cam", "{\"target\":\"b\"}").assertError(502, "cascade_failed");
        b.cascadeStatus(504);
        cascade("cam", "{\"target\":\"b\"}").assertError(504, "cascade_timeout");
        b.cascadeStatus(401);
        assertEquals("media node 'b' could not pull stream 'cam' from node 'a' (401 agent_rejected_token: media node 'b' "
                + "refused the control plane's token (401); check the token the agent sends in its heartbeat)",
                cascade("cam", "{\"target\":\"b\"}").assertError(502, "cascade_failed").message());
        b.cascadeStatus(409);
        cascade("cam", "{\"target\":\"b\"}").assertError(409, "already_carried");
        b.cascadeStatus(201);
        b.cascadeDelay(1500);
        assertEquals("media node 'b' could not pull stream 'cam' from node 'a': no answer in time",
                cascade("cam", "{\"target\":\"b\"}").assertError(504, "cascade_timeout").message());
    }

    // --- viewers

    @Test
    void concurrentOverflowViewersShareOneCascadeCall() throws Exception {
        beat("a", a, "eu", 0.1, 2, false, Beats.published("cam", 2));
        beat("b", b, "us", 0.1);
        b.cascadeDelay(500);
        b.carry("cam"); // what b's pull gives it
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Future<Reply>> viewers = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                viewers.add(pool.submit(() -> Reply.send(app.client(), whep("/whep/cam"))));
            }
            for (Future<Reply> viewer : viewers) {
                assertEquals(201, viewer.get().status(), viewer.get().body());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(), a.requests(), "the full source is not asked anything");
        assertEquals(1, b.cascadeRequests().size(), "one pull for all: " + b.requests());
        assertEquals(6, b.requests().size(), "the pull and five viewers");
    }

    @Test
    void aFailedOverflowCascadeSendsTheViewerNowhere() throws Exception {
        beat("a", a, "eu", 0.1, 2, false, Beats.published("cam", 2));
        beat("b", b, "us", 0.1);
        b.cascadeStatus(504);
        Reply.send(app.client(), whep("/whep/cam")).assertError(504, "cascade_timeout");
        assertEquals(1, b.requests().size(), "the pull, and no WHEP after it failed: " + b.requests());
        assertEquals(1, b.cascadeRequests().size());
    }

    @Test
    void overflowInPushModeAsksTheSource() throws Exception {
        try (TestControlPlane push = TestControlPlane.start(TestControlPlane.config(
                TestControlPlane.freshUrl(TestControlPlane.Db.SQLITE), 4, Duration.ofSeconds(10))
                .withCascade(new CascadeConfig(null, CascadeMode.PUSH, Duration.ZERO, null)))) {
            for (Object[] node : new Object[][] {{"a", a, Beats.published("cam", 2)}, {"b", b, null}}) {
                FakeAgent agent = (FakeAgent) node[1];
                NodeHeartbeat beat = new NodeHeartbeat(agent.url(), "", new NodeCapacity(100, 2, null), new NodeLoad(0.1, 0, 0, 1),
                        node[2] == null ? List.of() : List.of((StreamSnapshot) node[2]), "tok-" + node[0], false, agent.grantKey());
                assertEquals(2, push.heartbeat((String) node[0], JSON.writeValueAsString(beat)).status() / 100);
            }
            Reply viewer = Reply.send(push.client(), HttpRequest.POST("/whep/cam", "v=0 offer").contentType("application/sdp"));
            // A fake a does not really push, so the fake b has no stream: its 404 comes back, proving the viewer went there.
            viewer.assertError(404, "stream_not_found");
            assertEquals(List.of("POST /api/cascade/cam | Bearer tok-a | application/json | null | {\"targetUrl\":\"" + b.url()
                    + "/whip/cam?cascadeFrom=a&idleTimeout=60\",\"token\":\"jwt(b:cam:2)\"}"), a.requests(),
                    "an overflow copy idles out like a pulled one ([cascade] idle_timeout)");
            assertEquals(1, b.requests().size(), "then the viewer goes to b: " + b.requests());
            assertEquals(true, b.requests().get(0).startsWith("POST /whep/cam | Bearer tok-b"));
        }
    }

    @Test
    void pullRulesServeAnUnpublishedStreamFromAnExternalUrlOrAnotherStream() throws Exception {
        beat("a", a, "eu", 0.1, Beats.published("cam", 0));
        beat("b", b, "us", 0.5);

        Reply fromOutside = Reply.send(app.client(), whep("/whep/ext-foo"));
        assertEquals(201, fromOutside.status(), fromOutside.body());
        assertEquals(List.of("POST /api/cascade/ext-foo | Bearer tok-a | application/json | null | {\"sourceUrl\":\""
                + external.url() + "/whep/foo\",\"token\":\"ext-token\",\"sourceNode\":\"_external\",\"idleTimeout\":30}",
                "POST /whep/ext-foo | Bearer tok-a | application/sdp | null | v=0 offer"), a.requests());

        Reply fromStream = Reply.send(app.client(), whep("/whep/live-cam?region=us"));
        assertEquals(201, fromStream.status(), fromStream.body());
        assertEquals(List.of("POST /api/cascade/live-cam | Bearer tok-b | application/json | null | "
                + pullBody(a, "cam", "jwt(a:cam:4)", "a", "b"), "POST /whep/live-cam | Bearer tok-b | application/sdp | null | v=0 offer"),
                b.requests());

        assertEquals("stream 'live-none' is not published on any online node, nor is 'none', its pull rule's source",
                Reply.send(app.client(), whep("/whep/live-none")).assertError(404, "stream_not_found").message());
        assertEquals("stream 'other' is not published on any online node",
                Reply.send(app.client(), whep("/whep/other")).assertError(404, "stream_not_found").message());
        assertEquals(List.of(), external.requests(), "the control plane never calls the external source itself");
    }

    // --- reconciler

    @Test
    void autopushPushesAPublishOfAnotherRegionToTheOriginRegionOnce() throws Exception {
        beat("a", a, "b", 0.1, 10, true, Beats.published("cam", 0));
        beat("b", b, "hq", 0.5);
        beat("c", c, "hq", 0.2);
        ReconcileTask task = app.bean(ReconcileTask.class);
        assertEquals(List.of("push cam a -> c"), task.runOnce());
        assertEquals(List.of("POST /api/cascade/cam | Bearer tok-a | application/json | null | {\"targetUrl\":\"" + c.url()
                + "/whip/cam?cascadeFrom=a\",\"token\":\"jwt(c:cam:2)\"}"), a.requests());
        assertEquals(List.of(), task.runOnce(), "not repeated before heartbeats can show it");
        beat("c", c, "hq", 0.2, copy("cam", "a"));
        app.clock.advance(Duration.ofSeconds(1));
        assertEquals(List.of(), task.runOnce(), "the origin region carries it");
        assertEquals(1, a.requests().size());
    }

    @Test
    void aCopyWhoseSourceWentOfflineReattachesToAnotherCarrier() throws Exception {
        beat("a", a, "hq", 0.1, Beats.published("cam", 0));
        app.clock.advance(Duration.ofSeconds(7)); // a is offline now
        beat("b", b, "hq", 0.1, Beats.published("cam", 0));
        beat("c", c, "b", 0.1, copy("cam", "a"));
        ReconcileTask task = app.bean(ReconcileTask.class);
        assertEquals(List.of("reattach cam on c <- b cam"), task.runOnce());
        assertEquals(List.of("POST /api/cascade/cam | Bearer tok-c | application/json | null | "
                + pullBody(b, "cam", "jwt(b:cam:4)", "b", "c")), c.requests());
        assertEquals(List.of(), a.requests());
    }
}
