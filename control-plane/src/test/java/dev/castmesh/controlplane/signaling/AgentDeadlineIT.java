package dev.castmesh.controlplane.signaling;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castmesh.api.cluster.NodeCapacity;
import dev.castmesh.api.cluster.NodeHeartbeat;
import dev.castmesh.api.cluster.NodeLoad;
import dev.castmesh.controlplane.config.ControlPlaneConfig;
import dev.castmesh.controlplane.node.ClusterConfig;
import dev.castmesh.controlplane.testing.Reply;
import dev.castmesh.controlplane.testing.TestControlPlane;
import io.micronaut.http.HttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.castmesh.controlplane.testing.TestControlPlane.CLUSTER_SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10 finding 7 against a real control plane and a real misbehaving TCP listener ({@link StallingAgent}):
 * an agent that sends its headers and then one byte every 5 s gets the client a 504 within {@code agent_timeout},
 * the stalled exchanges are cut off (the listener sees its connections go) and the control plane's thread count
 * stays flat; an answer over 1 MB is dropped with a 502.
 */
class AgentDeadlineIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration AGENT_TIMEOUT = Duration.ofSeconds(3);
    private static TestControlPlane app;

    @BeforeAll
    static void start() {
        ControlPlaneConfig config = TestControlPlane.config(TestControlPlane.freshUrl(TestControlPlane.Db.SQLITE), 4,
                Duration.ofSeconds(10)).withCluster(new ClusterConfig(true, CLUSTER_SECRET, null, null, AGENT_TIMEOUT));
        app = TestControlPlane.start(config);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @BeforeEach
    void reset() {
        app.reset();
    }

    private static void register(String alias, String url) throws Exception {
        NodeHeartbeat beat = new NodeHeartbeat(url, "eu", new NodeCapacity(10, 10, null), new NodeLoad(0, 0, 0, 0), List.of(), null);
        assertEquals(201, app.heartbeat(alias, JSON.writeValueAsString(beat)).status());
    }

    private static Reply whip() {
        return Reply.send(app.client(), HttpRequest.POST("/whip/cam", "v=0\r\n").contentType("application/sdp"));
    }

    @Test
    void stalledAgentIs504WithinTheTimeoutAndThreadsStayFlat() throws Exception {
        try (StallingAgent agent = StallingAgent.trickling(5_000)) {
            register("stall", agent.url());
            long start = System.nanoTime();
            Reply one = whip();
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertEquals("media node 'stall' did not answer completely within 3 s ([cluster] agent_timeout)",
                    one.assertError(504, "agent_timeout").message());
            assertTrue(tookMs >= 2_900 && tookMs < AGENT_TIMEOUT.toMillis() + 1_500, "answered after " + tookMs + " ms");

            ExecutorService clients = Executors.newFixedThreadPool(20);
            int threadsWarm = 0;
            try {
                for (int round = 0; round < 4; round++) {
                    List<Future<Reply>> replies = new ArrayList<>();
                    for (int i = 0; i < 20; i++) {
                        replies.add(clients.submit(AgentDeadlineIT::whip));
                    }
                    for (Future<Reply> reply : replies) {
                        reply.get().assertError(504, "agent_timeout");
                    }
                    if (round == 0) {
                        // 20 parallel requests size the server's I/O pool and the test's client threads once
                        threadsWarm = ManagementFactory.getThreadMXBean().getThreadCount();
                    }
                }
            } finally {
                clients.shutdownNow();
            }
            long until = System.nanoTime() + 12_000_000_000L;
            while (agent.open() > 0 && System.nanoTime() < until) {
                Thread.sleep(200);
            }
            assertEquals(0, agent.open(), "stalled exchanges still open on the agent side of " + agent.accepted());
            int threadsAfter = ManagementFactory.getThreadMXBean().getThreadCount();
            System.out.printf("stalled agent: 504 after %d ms; threads %d after 20 parallel stalled calls, %d after 60 more;"
                    + " %d connections, all closed%n", tookMs, threadsWarm, threadsAfter, agent.accepted());
            assertTrue(threadsAfter <= threadsWarm + 3, "threads " + threadsWarm + " -> " + threadsAfter);
        }
    }

    @Test
    void answerOverOneMegabyteIs502() throws Exception {
        try (StallingAgent agent = StallingAgent.flooding(64L << 20)) {
            register("flood", agent.url());
            long start = System.nanoTime();
            assertEquals("media node 'flood' answered more than 1048576 bytes",
                    whip().assertError(502, "agent_reply_too_large").message());
            assertTrue(System.nanoTime() - start < 2_500_000_000L);
        }
    }
}
