package dev.castmesh.controlplane.cascade;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castmesh.api.cluster.NodeCapacity;
import dev.castmesh.api.cluster.NodeHeartbeat;
import dev.castmesh.api.cluster.NodeLoad;
import dev.castmesh.api.cluster.StreamSnapshot;
import dev.castmesh.controlplane.config.ControlPlaneConfig;
import dev.castmesh.controlplane.testing.Beats;
import dev.castmesh.controlplane.testing.FakeAgent;
import dev.castmesh.controlplane.testing.Reply;
import dev.castmesh.controlplane.testing.TestControlPlane;
import io.micronaut.http.HttpRequest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.castmesh.controlplane.testing.TestControlPlane.CLUSTER_SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two control-plane instances on one PostgreSQL database: each routes overflow viewers and reconciles from the
 * heartbeats the other received, with nothing shared in memory; their scheduled reconcilers (0.2 s here) both
 * re-attach an orphaned copy, which the agent takes as the same re-attach twice.
 */
class TwoInstancesCascadeIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static void beat(TestControlPlane app, String alias, FakeAgent agent, int perStream, StreamSnapshot... streams)
            throws Exception {
        NodeHeartbeat beat = new NodeHeartbeat(agent.url(), "eu", new NodeCapacity(100, perStream, null),
                new NodeLoad(0.1, 0, 0, 1), List.of(streams), "tok-" + alias, false, agent.grantKey());
        assertEquals(2, app.heartbeat(alias, JSON.writeValueAsString(beat)).status() / 100);
    }

    @Test
    void eachInstanceCascadesAndReconcilesFromTheSharedRegistry() throws Exception {
        String url = TestControlPlane.freshUrl(TestControlPlane.Db.POSTGRES);
        ControlPlaneConfig config = TestControlPlane.config(url, 4, Duration.ofSeconds(10))
                .withCascade(new CascadeConfig(null, null, Duration.ofMillis(200), null));
        try (FakeAgent a = new FakeAgent("a", "tok-a"); FakeAgent b = new FakeAgent("b", "tok-b");
             FakeAgent c = new FakeAgent("c", "tok-c");
             TestControlPlane one = TestControlPlane.start(config); TestControlPlane two = TestControlPlane.start(config)) {
            beat(one, "a", a, 1, Beats.published("cam", 1));
            beat(one, "b", b, 10);
            b.carry("cam"); // what b's pull gives it
            Reply viewer = Reply.send(two.client(), HttpRequest.POST("/whep/cam", "v=0").contentType("application/sdp"));
            assertEquals(201, viewer.status(), viewer.body());
            assertEquals(1, b.cascadeRequests().size(), "instance two saw instance one's heartbeats: b pulls from a (full, "
                    + "but a cascade pull is not a viewer)");
            assertEquals(0, a.cascadeRequests().size());

            // a dies (its heartbeats stop); b now reports its copy, and c publishes cam again.
            one.clock.advance(Duration.ofSeconds(7));
            two.clock.advance(Duration.ofSeconds(7));
            beat(two, "b", b, 10, new StreamSnapshot("cam", false, "a", 1, 0, 0));
            beat(two, "c", c, 10, Beats.published("cam", 0));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (b.cascadeRequests().size() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Thread.sleep(600); // three more rounds each: no further request (held off)
            List<String> all = b.cascadeRequests();
            List<String> pulls = all.subList(1, all.size()); // after the overflow pull
            assertEquals(2, pulls.size(), "one re-attach from each instance: " + String.join("\n", pulls));
            for (String reattach : pulls) {
                assertTrue(reattach.contains("\"sourceUrl\":\"" + c.url() + "/whep/cam?cascadeTo=b\",\"token\":\"jwt(c:cam:4)\",\"sourceNode\":\"c\""),
                        reattach);
            }
        }
    }
}
