package dev.castmesh.agent.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castmesh.api.cluster.NodeCapacity;
import dev.castmesh.api.cluster.NodeHeartbeat;
import dev.castmesh.api.cluster.NodeLoad;
import dev.castmesh.gst.client.HttpSdpExchange;
import dev.castmesh.gst.client.PublishSource;
import dev.castmesh.gst.client.VideoCodec;
import dev.castmesh.gst.client.WhepClient;
import dev.castmesh.gst.client.WhepOptions;
import dev.castmesh.gst.client.WhipClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real control plane and three real agents, each in a JVM of its own (so {@code kill -9} is a real SIGKILL):
 * agent-1 and agent-2 in region "hq" (the control plane's region), agent-3 in "eu"; heartbeats every second, offline
 * after 3 s (3 intervals); one viewer per stream and agent ({@code each_stream_max_sub = 1}, so a second viewer
 * overflows); cascaded copies idle out after 3 s and the control plane reconciles every 0.5 s.
 * The agents require a bearer token, so everything that reaches them through the control plane carries the token
 * their heartbeats gave it. Media is real (GStreamer publisher and decoding viewers in this JVM).
 *
 * <p>The methods run in order; the last two kill an agent each (agent-2, then another).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ThreeNodeClusterIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    /** Issue 4, section 4: a killed agent is offline, and its sessions gone, within this. */
    private static final Duration FAILOVER_LIMIT = Duration.ofSeconds(6);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RELAY = """
            [relay]
            allow = ["/api/", "/health"]
            deny = ["/metrics", "/api/streams/secret"]
            """;
    private static final String CASCADE = """
            [cascade]
            idle_timeout = 3
            reconcile_interval = 0.5
            """;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final Map<String, AgentProcess> agents = new LinkedHashMap<>();
    private ControlPlaneProcess cp;
    private int cpPort;

    @TempDir
    static Path dir;

    static String agentToken(String alias) {
        return "it-agent-token-" + alias + "-0123456789";
    }

    private String agentToml(String alias, String region) {
        return agentToml(alias, region, "");
    }

    /** {@code clusterKeys}: more lines for its {@code [cluster]} section. */
    private String agentToml(String alias, String region, String clusterKeys) {
        return """
                [auth]
                tokens = ["%s"]
                [cluster]
                control_plane = "http://127.0.0.1:%d"
                alias = "%s"
                region = "%s"
                secret = "%s"
                heartbeat_interval = 1
                %s
                [strategy]
                each_stream_max_sub = 1
                """.formatted(agentToken(alias), cpPort, alias, region, ControlPlaneProcess.CLUSTER_SECRET, clusterKeys);
    }

    @BeforeAll
    void startCluster() throws Exception {
        cpPort = ControlPlaneProcess.freePort();
        cp = ControlPlaneProcess.start(cpPort, dir, "region = \"hq\"", RELAY + CASCADE);
        try {
            for (String[] node : new String[][] {{"agent-1", "hq"}, {"agent-2", "hq"}, {"agent-3", "eu"}}) {
                agents.put(node[0], AgentProcess.start(node[0], dir, agentToml(node[0], node[1])));
            }
            for (String alias : agents.keySet()) {
                Waits.until(() -> online(alias), Duration.ofSeconds(30), alias + " online in GET /api/nodes");
            }
            assertEquals("eu", node("agent-3").orElseThrow().get("region").asText());
        } catch (Exception | AssertionError e) {
            dumpLogs();
            throw e;
        }
    }

    @AfterAll
    void stopCluster() {
        agents.values().forEach(AgentProcess::close);
        if (cp != null) {
            cp.close();
        }
    }

    @Test
    @Order(1)
    void heartbeatWithAWrongSecretIs401AndCreatesNoNode() throws Exception {
        String body = JSON.writeValueAsString(new NodeHeartbeat("http://127.0.0.1:1", "hq", new NodeCapacity(10, 10, null),
                new NodeLoad(0.1, 0, 0, 0), List.of(), null));
        HttpResponse<String> intruder = heartbeat("it-intruder", "not-the-cluster-secret-0123", body);
        assertEquals(401, intruder.statusCode(), intruder.body());
        assertEquals("unauthorized", JSON.readTree(intruder.body()).get("error").asText(), intruder.body());
        assertTrue(node("it-intruder").isEmpty(), "no node is created for a wrong secret");

        // A wrong secret for a registered alias changes nothing either (its URL stays the real agent's).
        HttpResponse<String> hijack = heartbeat("agent-1", "not-the-cluster-secret-0123", body);
        assertEquals(401, hijack.statusCode(), hijack.body());
        assertEquals(agents.get("agent-1").url, node("agent-1").orElseThrow().get("publicUrl").asText());
        assertTrue(online("agent-1"));

        HttpResponse<String> none = heartbeat("it-intruder", null, body);
        assertEquals(401, none.statusCode(), none.body());
        assertTrue(node("it-intruder").isEmpty(), "no node is created without a secret");
    }

    @Test
    @Order(2)
    void relayReachesTheRealAgentWithItsTokenAndRefusesDeniedPaths() throws Exception {
        AgentProcess agent = agents.get("agent-1");
        String relay = cp.url + "/api/relay/agent-1";

        // The agent wants its token: straight without it 401, through the relay 200 (the control plane sends it).
        assertEquals(401, get(agent.url + "/api/streams", null).statusCode());
        HttpResponse<String> streams = get(relay + "/api/streams", null);
        assertEquals(200, streams.statusCode(), streams.body());
        assertTrue(JSON.readTree(streams.body()).isArray(), streams.body());
        assertEquals(200, get(relay + "/health", null).statusCode());

        // /metrics is served by the agent (with its token) but denied by [relay] deny.
        assertEquals(200, get(agent.url + "/metrics", agentToken("agent-1")).statusCode());
        HttpResponse<String> denied = get(relay + "/metrics", null);
        assertEquals(403, denied.statusCode(), denied.body());
        assertEquals("relay_denied", JSON.readTree(denied.body()).get("error").asText(), denied.body());
        assertEquals(403, get(relay + "/api/streams/secret", null).statusCode());
        assertEquals(403, get(relay + "/whip/x", null).statusCode(), "outside every allow prefix");

        List<String> tricks = List.of("/health/../metrics", "/api/../metrics", "/api/%2e%2e/metrics", "/api/..%2Fmetrics",
                "/health%2F..%2Fmetrics", "//metrics", "/./metrics", "/METRICS", "/Metrics/", "/api/streams/../streams/SECRET",
                "/api//streams/secret", "/api/streams%2Fsecret", "/api/streams/%73ecret", "/health/..%5Cmetrics",
                "/api/%252e%252e/metrics");
        List<String> leaked = new ArrayList<>();
        for (String trick : tricks) {
            HttpResponse<String> answer = get(relay + trick, null);
            if (answer.statusCode() != 403 && answer.statusCode() != 400 && answer.statusCode() != 404) {
                leaked.add(trick + " -> " + answer.statusCode() + " " + answer.body());
            } else if (answer.statusCode() != 404) {
                assertTrue(JSON.readTree(answer.body()).has("error"), trick + ": " + answer.body());
            }
            assertFalse(answer.body().contains("jvm_") || answer.body().contains("# TYPE"), trick + " leaked metrics");
        }
        assertTrue(leaked.isEmpty(), "relay tricks not refused: " + leaked);

        HttpResponse<String> unknown = get(cp.url + "/api/relay/no-such-node/api/streams", null);
        assertEquals(404, unknown.statusCode(), unknown.body());
        assertEquals(200, get(cp.url + "/health", null).statusCode(), "the control plane keeps serving");
    }

    @Test
    @Order(3)
    void playsTheStreamOnEachAgentThroughTheControlPlaneCascadingWhereNeeded() throws Exception {
        try (WhipClient publisher = publish("each", "agent-1")) {
            Waits.until(() -> carries("agent-1", "each", true), TIMEOUT, "agent-1 reporting the publisher of 'each'");
            for (String alias : agents.keySet()) {
                HttpSdpExchange whep = exchange("/whep/each?nodes=" + alias);
                try (WhepClient viewer = WhepClient.start(whep, WhepOptions.decode())) {
                    assertTrue(viewer.awaitConnected(TIMEOUT), "viewer on " + alias + " connected: " + viewer.error());
                    assertTrue(whep.session().orElseThrow().getPath().startsWith("/session/each/" + alias + "."),
                            whep.session().orElseThrow().toString());
                    long frames = Waits.framesDuring(viewer, Duration.ofSeconds(3));
                    System.out.printf("ThreeNodeClusterIT: %s: %d frames decoded in 3 s%n", alias, frames);
                    assertTrue(frames >= 30, alias + ": frames decoded in 3 s: " + frames);
                    if (!alias.equals("agent-1")) {
                        Waits.until(() -> clusterStream("each").map(s -> cascadeFrom(s, alias).isPresent()).orElse(false),
                                TIMEOUT, alias + " listed in /api/streams with its cascade source");
                        assertEquals("agent-1", cascadeFrom(clusterStream("each").orElseThrow(), alias).orElseThrow());
                    }
                }
            }
        }
    }

    @Test
    @Order(4)
    void aSecondViewerOverflowsIntoACascadeAndDecodes() throws Exception {
        try (WhipClient publisher = publish("overflow", "agent-1")) {
            Waits.until(() -> carries("agent-1", "overflow", true), TIMEOUT, "agent-1 reporting the publisher of 'overflow'");
            HttpSdpExchange first = exchange("/whep/overflow");
            try (WhepClient one = WhepClient.start(first, WhepOptions.decode())) {
                assertTrue(one.awaitConnected(TIMEOUT), "first viewer connected: " + one.error());
                assertEquals("agent-1", aliasOf(first, "overflow"), "the carrier has room for the first viewer");
                Waits.until(() -> viewersOn("overflow", "agent-1") == 1, TIMEOUT, "agent-1 reporting its one viewer");

                long start = System.nanoTime();
                HttpSdpExchange second = exchange("/whep/overflow");
                try (WhepClient two = WhepClient.start(second, WhepOptions.decode())) {
                    long answeredMs = msSince(start);
                    assertTrue(two.awaitConnected(TIMEOUT), "second viewer connected: " + two.error());
                    String alias = aliasOf(second, "overflow");
                    assertNotEquals("agent-1", alias, "agent-1 is full (each_stream_max_sub = 1)");
                    long firstFrameMs = firstFrameMs(two, start);
                    long frames = Waits.framesDuring(two, Duration.ofSeconds(3));
                    long firstViewerFrames = Waits.framesDuring(one, Duration.ofSeconds(1));
                    System.out.printf("ThreeNodeClusterIT: overflow to %s: WHEP answered %d ms, first frame %d ms after "
                            + "the WHEP; %d frames in 3 s (first viewer: %d in 1 s)%n", alias, answeredMs, firstFrameMs,
                            frames, firstViewerFrames);
                    assertTrue(frames >= 30, "frames decoded through the overflow cascade in 3 s: " + frames);
                    assertTrue(firstViewerFrames >= 10, "the first viewer keeps decoding: " + firstViewerFrames);
                    Waits.until(() -> clusterStream("overflow").flatMap(s -> cascadeFrom(s, alias)).isPresent(), TIMEOUT,
                            alias + " listed with its cascade source");
                    assertEquals("agent-1", cascadeFrom(clusterStream("overflow").orElseThrow(), alias).orElseThrow());
                    // A full source feeds a pull: the agents do not count a cascade pull as a viewer.
                    JsonNode copy = JSON.readTree(get(cp.url + "/api/relay/" + alias + "/api/streams/overflow", null).body());
                    assertEquals("pull", copy.path("cascade").path(0).path("direction").asText(), copy.toString());
                    assertEquals(1, viewersOn("overflow", "agent-1"), "agent-1 reports its one viewer, not the pull");
                }
            }
        } catch (Exception | AssertionError e) {
            dumpLogs();
            throw e;
        }
    }

    @Test
    @Order(5)
    void aViewerOfAnotherRegionIsServedThereThroughACascadeThatIdlesOutAfterItLeaves() throws Exception {
        try (WhipClient publisher = publish("regional", "agent-1")) {
            Waits.until(() -> carries("agent-1", "regional", true), TIMEOUT, "agent-1 reporting the publisher");
            long start = System.nanoTime();
            HttpSdpExchange whep = exchange("/whep/regional?region=eu");
            try (WhepClient viewer = WhepClient.start(whep, WhepOptions.decode())) {
                long answeredMs = msSince(start);
                assertTrue(viewer.awaitConnected(TIMEOUT), "eu viewer connected: " + viewer.error());
                assertEquals("agent-3", aliasOf(whep, "regional"), "the eu viewer is served in eu");
                long firstFrameMs = firstFrameMs(viewer, start);
                long frames = Waits.framesDuring(viewer, Duration.ofSeconds(3));
                System.out.printf("ThreeNodeClusterIT: ?region=eu through a cascade to agent-3: WHEP answered %d ms, "
                        + "first frame %d ms after the WHEP; %d frames in 3 s%n", answeredMs, firstFrameMs, frames);
                assertTrue(frames >= 30, "frames decoded in eu in 3 s: " + frames);
                Waits.until(() -> clusterStream("regional").flatMap(s -> cascadeFrom(s, "agent-3")).isPresent(), TIMEOUT,
                        "agent-3's copy listed with its cascade source");
                assertEquals("agent-1", cascadeFrom(clusterStream("regional").orElseThrow(), "agent-3").orElseThrow());
            }
            // The publisher goes on: the copy ends because nobody watches it ([cascade] idle_timeout = 3).
            long left = System.nanoTime();
            Waits.until(() -> clusterStream("regional").map(s -> onNode(s, "agent-3").isEmpty()).orElse(true),
                    Duration.ofSeconds(12), "agent-3's idle copy gone from /api/streams");
            System.out.printf("ThreeNodeClusterIT: idle copy on agent-3 gone from GET /api/streams %d ms after its "
                    + "viewer left (idle_timeout 3 s)%n", msSince(left));
            assertTrue(carries("agent-1", "regional", true), "the origin still carries it");
        } catch (Exception | AssertionError e) {
            dumpLogs();
            throw e;
        }
    }

    @Test
    @Order(6)
    void anAutopushAgentOutsideTheOriginRegionHasItsPublishCopiedThere() throws Exception {
        String alias = "agent-eu-auto";
        try (AgentProcess auto = AgentProcess.start(alias, dir, agentToml(alias, "eu", "autopush = true"))) {
            Waits.until(() -> online(alias), Duration.ofSeconds(30), alias + " online");
            try (WhipClient publisher = publish("pushed", alias)) {
                long published = System.nanoTime();
                Waits.until(() -> clusterStream("pushed").map(s -> s.get("nodes").findValuesAsText("alias").stream()
                        .anyMatch(a -> a.equals("agent-1") || a.equals("agent-2"))).orElse(false), TIMEOUT,
                        "a copy of 'pushed' on an hq agent");
                long copiedMs = msSince(published);
                JsonNode stream = clusterStream("pushed").orElseThrow();
                String copy = onNode(stream, "agent-1").isPresent() ? "agent-1" : "agent-2";
                System.out.printf("ThreeNodeClusterIT: autopush of %s's publish: copy on %s in GET /api/streams %d ms "
                        + "after the publisher connected%n", alias, copy, copiedMs);
                assertEquals(alias, cascadeFrom(stream, copy).orElseThrow(), stream.toString());

                HttpSdpExchange whep = exchange("/whep/pushed?nodes=" + copy);
                try (WhepClient viewer = WhepClient.start(whep, WhepOptions.decode())) {
                    assertTrue(viewer.awaitConnected(TIMEOUT), "viewer of the pushed copy connected: " + viewer.error());
                    long frames = Waits.framesDuring(viewer, Duration.ofSeconds(2));
                    assertTrue(frames >= 20, "frames decoded from the pushed copy in 2 s: " + frames);
                }
            }
        } catch (Exception | AssertionError e) {
            dumpLogs();
            throw e;
        }
    }

    @Test
    @Order(7)
    void gracefullyStoppedAgentStopsItsHeartbeats() throws Exception {
        TestAgent agent = TestAgent.start("""
                [cluster]
                control_plane = "http://127.0.0.1:%d"
                alias = "it-graceful"
                secret = "%s"
                heartbeat_interval = 1
                """.formatted(cpPort, ControlPlaneProcess.CLUSTER_SECRET));
        try {
            Waits.until(() -> online("it-graceful"), TIMEOUT, "it-graceful online");
        } finally {
            agent.close();
        }
        String lastSeen = node("it-graceful").orElseThrow().get("lastSeen").asText();
        Thread.sleep(3_500); // more than offline_after, in the same JVM: a leftover heartbeat thread would still beat
        JsonNode after = node("it-graceful").orElseThrow();
        assertEquals(lastSeen, after.get("lastSeen").asText(), "no heartbeat after the agent's context closed");
        assertFalse(after.get("online").asBoolean(), after.toString());
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("castmesh-heartbeat")
                && t.isAlive()), "no heartbeat thread left");
    }

    @Test
    @Order(8)
    void anEdgeCopyReattachesToTheOriginWhenItsRegionSourceIsKilled() throws Exception {
        try (WhipClient publisher = publish("chain", "agent-1")) {
            Waits.until(() -> carries("agent-1", "chain", true), TIMEOUT, "agent-1 reporting the publisher of 'chain'");
            long[] linkMs = new long[2];
            linkMs[0] = cascade("chain", "agent-2", "agent-1");
            // The control plane chooses sources from heartbeats: the new copy can feed another once agent-2 reports it.
            Waits.until(() -> carries("agent-2", "chain", false), TIMEOUT, "agent-2 reporting its copy of 'chain'");
            linkMs[1] = cascade("chain", "agent-3", "agent-2");
            HttpSdpExchange whep = exchange("/whep/chain?nodes=agent-3");
            try (WhepClient viewer = WhepClient.start(whep, WhepOptions.decode())) {
                assertTrue(viewer.awaitConnected(TIMEOUT), "edge viewer connected: " + viewer.error());
                long before = Waits.framesDuring(viewer, Duration.ofSeconds(2));
                assertTrue(before >= 20, "frames decoded on the edge before the kill: " + before);
                Waits.until(() -> clusterStream("chain").flatMap(s -> cascadeFrom(s, "agent-3")).isPresent(), TIMEOUT,
                        "agent-3's copy listed");
                assertEquals("agent-2", cascadeFrom(clusterStream("chain").orElseThrow(), "agent-3").orElseThrow());

                long killed = System.nanoTime();
                agents.get("agent-2").kill();
                long longestGapMs = 0;
                long lastFrames = viewer.videoFrames();
                long lastChange = System.nanoTime();
                long reattachedMs = -1;
                long deadline = killed + Duration.ofSeconds(20).toNanos();
                while (System.nanoTime() < deadline && (reattachedMs < 0 || msSince(killed) < reattachedMs + 3_000)) {
                    long frames = viewer.videoFrames();
                    if (frames != lastFrames) {
                        longestGapMs = Math.max(longestGapMs, msSince(lastChange));
                        lastFrames = frames;
                        lastChange = System.nanoTime();
                    }
                    if (reattachedMs < 0 && clusterStream("chain").flatMap(s -> cascadeFrom(s, "agent-3"))
                            .map("agent-1"::equals).orElse(false)) {
                        reattachedMs = msSince(killed);
                    }
                    Thread.sleep(20);
                }
                longestGapMs = Math.max(longestGapMs, msSince(lastChange));
                long after = Waits.framesDuring(viewer, Duration.ofSeconds(2));
                System.out.printf("ThreeNodeClusterIT: cascades POST->201 agent-1->agent-2 %d ms, agent-2->agent-3 %d ms; "
                        + "kill -9 of agent-2: agent-3 re-attached to agent-1 in GET /api/streams after %d ms, longest "
                        + "gap in the edge viewer's frames %d ms, %d frames in 2 s after%n", linkMs[0], linkMs[1],
                        reattachedMs, longestGapMs, after);
                assertTrue(reattachedMs > 0, "agent-3's copy never re-attached to agent-1: " + clusterStream("chain"));
                assertTrue(after >= 20, "the edge viewer keeps decoding after the re-attach: " + after);
            }
        } catch (Exception | AssertionError e) {
            dumpLogs();
            throw e;
        }
    }

    @Test
    @Order(9)
    void killedAgentGoesOfflineItsSessionsGoAndTheStreamIsPublishedAgainElsewhere() throws Exception {
        HttpSdpExchange whip = exchange("/whip/failover");
        WhipClient publisher = WhipClient.start(PublishSource.test(VideoCodec.VP8).withVideo(320, 240, 30, 300), whip,
                List.of(), TIMEOUT);
        WhepClient viewer = null;
        try {
            assertTrue(publisher.awaitConnected(TIMEOUT), "publisher connected through the control plane");
            String victim = aliasOf(whip, "failover");
            Waits.until(() -> carries(victim, "failover", true), TIMEOUT, victim + " reporting the publisher");

            HttpSdpExchange whep = exchange("/whep/failover?nodes=" + victim);
            viewer = WhepClient.start(whep, WhepOptions.decode());
            assertTrue(viewer.awaitConnected(TIMEOUT), "viewer connected: " + viewer.error());
            assertEquals(victim, aliasOf(whep, "failover"));
            long frames = Waits.framesDuring(viewer, Duration.ofSeconds(3));
            assertTrue(frames >= 30, "frames decoded on " + victim + " before the kill: " + frames);
            Waits.until(() -> clusterStream("failover").map(s -> s.get("viewers").asInt() == 1).orElse(false), TIMEOUT,
                    "the viewer in /api/streams");

            long pid = agents.get(victim).pid();
            long killed = System.nanoTime();
            agents.get(victim).kill();
            long offlineAt = -1;
            long goneAt = -1;
            long deadline = killed + FAILOVER_LIMIT.toNanos() + Duration.ofSeconds(4).toNanos();
            while ((offlineAt < 0 || goneAt < 0) && System.nanoTime() < deadline) {
                if (offlineAt < 0 && !online(victim)) {
                    offlineAt = System.nanoTime();
                }
                if (goneAt < 0 && clusterStream("failover").map(s -> onNode(s, victim).isEmpty()).orElse(true)) {
                    goneAt = System.nanoTime();
                }
                Thread.sleep(50);
            }
            assertTrue(offlineAt > 0, victim + " never shown offline after kill -9");
            assertTrue(goneAt > 0, victim + "'s sessions never left /api/streams after kill -9");
            long offlineMs = (offlineAt - killed) / 1_000_000;
            long goneMs = (goneAt - killed) / 1_000_000;
            System.out.printf("ThreeNodeClusterIT: kill -9 of %s (pid %d): offline in GET /api/nodes after %d ms, its "
                    + "sessions gone from GET /api/streams after %d ms%n", victim, pid, offlineMs, goneMs);
            assertTrue(offlineMs <= FAILOVER_LIMIT.toMillis(), "offline after " + offlineMs + " ms");
            assertTrue(goneMs <= FAILOVER_LIMIT.toMillis(), "sessions gone after " + goneMs + " ms");

            HttpResponse<String> forced = post(cp.url + "/whep/failover?nodes=" + victim, "v=0\r\n");
            assertEquals(503, forced.statusCode(), "a viewer forced to the dead agent: " + forced.body());
            HttpResponse<String> orphan = post(cp.url + "/whep/failover", "v=0\r\n");
            assertEquals(404, orphan.statusCode(), "no online agent carries the stream any more: " + orphan.body());

            viewer.close();
            viewer = null;
            publisher.close();

            // Published again at once: the first attempt, right after the kill is detected.
            long republish = System.nanoTime();
            HttpSdpExchange again = exchange("/whip/failover");
            try (WhipClient second = WhipClient.start(PublishSource.test(VideoCodec.VP8).withVideo(320, 240, 30, 300), again,
                    List.of(), TIMEOUT)) {
                long answeredMs = (System.nanoTime() - republish) / 1_000_000;
                assertTrue(second.awaitConnected(TIMEOUT), "second publisher connected");
                long connectedMs = (System.nanoTime() - republish) / 1_000_000;
                String heir = aliasOf(again, "failover");
                assertNotEquals(victim, heir);
                Waits.until(() -> carries(heir, "failover", true), TIMEOUT, heir + " reporting the new publisher");
                long listedMs = (System.nanoTime() - republish) / 1_000_000;

                HttpSdpExchange whepAgain = exchange("/whep/failover");
                try (WhepClient newViewer = WhepClient.start(whepAgain, WhepOptions.decode())) {
                    assertTrue(newViewer.awaitConnected(TIMEOUT), "new viewer connected: " + newViewer.error());
                    assertEquals(heir, aliasOf(whepAgain, "failover"), "the new viewer goes to the new carrier");
                    long newFrames = Waits.framesDuring(newViewer, Duration.ofSeconds(3));
                    long firstFrameMs = (System.nanoTime() - republish) / 1_000_000 - 3_000;
                    System.out.printf("ThreeNodeClusterIT: republished on %s: answer %d ms, connected %d ms, in the "
                            + "next heartbeat %d ms, a new viewer decoding by %d ms after the new WHIP; %d frames in 3 s%n",
                            heir, answeredMs, connectedMs, listedMs, firstFrameMs, newFrames);
                    assertTrue(newFrames >= 30, "frames decoded from the republished stream: " + newFrames);
                }
            }
        } catch (Exception | AssertionError e) {
            dumpLogs();
            throw e;
        } finally {
            if (viewer != null) {
                viewer.close();
            }
            publisher.close();
        }
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private static long msSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    /** Milliseconds from {@code start} to the viewer's first decoded frame. */
    private static long firstFrameMs(WhepClient viewer, long start) throws InterruptedException {
        Waits.until(() -> viewer.videoFrames() > 0, TIMEOUT, "the first decoded frame");
        return msSince(start);
    }

    /** {@code POST /api/cascade/{stream}} on the control plane (pull); the milliseconds to its 201. */
    private long cascade(String stream, String target, String source) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(cp.url + "/api/cascade/" + stream))
                .timeout(TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"target\":\"%s\",\"source\":\"%s\",\"mode\":\"pull\"}"
                        .formatted(target, source))).build(), HttpResponse.BodyHandlers.ofString());
        long ms = msSince(start);
        assertEquals(201, answer.statusCode(), "cascade " + source + " -> " + target + ": " + answer.body());
        return ms;
    }

    private int viewersOn(String stream, String alias) {
        return clusterStream(stream).flatMap(s -> onNode(s, alias)).map(n -> n.get("viewers").asInt()).orElse(-1);
    }

    private HttpSdpExchange exchange(String pathAndQuery) {
        return new HttpSdpExchange(URI.create(cp.url + pathAndQuery), Optional.empty(), TIMEOUT);
    }

    private WhipClient publish(String stream, String alias) throws Exception {
        HttpSdpExchange whip = exchange("/whip/" + stream + "?nodes=" + alias);
        WhipClient client = WhipClient.start(PublishSource.test(VideoCodec.VP8).withVideo(320, 240, 30, 300), whip,
                List.of(), TIMEOUT);
        assertTrue(client.awaitConnected(TIMEOUT), "publisher on " + alias + " connected");
        assertEquals(alias, aliasOf(whip, stream));
        return client;
    }

    /** The node named by the session id of {@code Location: /session/{stream}/{alias}.{id}}. */
    private static String aliasOf(HttpSdpExchange exchange, String stream) {
        String path = exchange.session().orElseThrow().getPath();
        String prefix = "/session/" + stream + "/";
        assertTrue(path.startsWith(prefix) && path.indexOf('.', prefix.length()) > 0, path);
        return path.substring(prefix.length(), path.indexOf('.', prefix.length()));
    }

    private boolean online(String alias) {
        return node(alias).map(n -> n.get("online").asBoolean()).orElse(false);
    }

    private boolean carries(String alias, String stream, boolean publisher) {
        return node(alias).map(n -> {
            for (JsonNode s : n.get("streams")) {
                if (stream.equals(s.get("stream").asText())) {
                    return !publisher || s.get("publisher").asBoolean();
                }
            }
            return false;
        }).orElse(false);
    }

    private Optional<JsonNode> node(String alias) {
        try {
            for (JsonNode n : JSON.readTree(get(cp.url + "/api/nodes", null).body())) {
                if (alias.equals(n.get("alias").asText())) {
                    return Optional.of(n);
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Optional<JsonNode> clusterStream(String stream) {
        try {
            for (JsonNode s : JSON.readTree(get(cp.url + "/api/streams", null).body())) {
                if (stream.equals(s.get("stream").asText())) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<JsonNode> onNode(JsonNode clusterStream, String alias) {
        for (JsonNode n : clusterStream.get("nodes")) {
            if (alias.equals(n.get("alias").asText())) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> cascadeFrom(JsonNode clusterStream, String alias) {
        return onNode(clusterStream, alias).map(n -> n.get("cascadeFrom")).filter(v -> !v.isNull()).map(JsonNode::asText);
    }

    private HttpResponse<String> heartbeat(String alias, String secret, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(cp.url + "/api/nodes/" + alias + "/heartbeat"))
                .timeout(TIMEOUT).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            request.header("Authorization", "Bearer " + secret);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String url, String sdp) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).header("Content-Type", "application/sdp")
                .POST(HttpRequest.BodyPublishers.ofString(sdp)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void dumpLogs() {
        if (cp != null) {
            System.out.println("--- control-plane.log ---\n" + tail(read(cp.log)));
        }
        agents.values().forEach(a -> System.out.println("--- " + a.alias + ".log ---\n" + tail(a.logText())));
    }

    private static String tail(String text) {
        return text.length() > 6_000 ? "…" + text.substring(text.length() - 6_000) : text;
    }

    private static String read(Path log) {
        try {
            return java.nio.file.Files.exists(log) ? java.nio.file.Files.readString(log) : "(no log)";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }
}
