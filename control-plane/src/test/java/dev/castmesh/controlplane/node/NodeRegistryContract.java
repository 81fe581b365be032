package dev.castmesh.controlplane.node;

import dev.castmesh.api.cluster.NodeCapacity;
import dev.castmesh.api.cluster.NodeHeartbeat;
import dev.castmesh.api.cluster.NodeLoad;
import dev.castmesh.api.cluster.StreamSnapshot;
import dev.castmesh.controlplane.testing.Beats;
import dev.castmesh.controlplane.testing.TestControlPlane;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.castmesh.controlplane.node.NodeRegistry.HeartbeatResult.REGISTERED;
import static dev.castmesh.controlplane.node.NodeRegistry.HeartbeatResult.REJECTED;
import static dev.castmesh.controlplane.node.NodeRegistry.HeartbeatResult.UPDATED;
import static dev.castmesh.controlplane.testing.TestControlPlane.CLUSTER_SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What {@link NodeRegistry} promises, on every database; subclasses choose the database. */
abstract class NodeRegistryContract {
    private TestControlPlane app;
    private NodeRegistry registry;

    abstract TestControlPlane.Db db();

    @BeforeEach
    void setUp() {
        app = TestControlPlane.shared(db());
        app.reset();
        registry = app.bean(NodeRegistry.class);
    }

    private static NodeHeartbeat beat(String region, StreamSnapshot... streams) {
        return Beats.beat("http://10.0.0.5:7777", region, List.of(streams));
    }

    @Test
    void firstHeartbeatWithTheClusterSecretRegistersEverything() {
        StreamSnapshot cam = Beats.published("cam", 3);
        StreamSnapshot copy = new StreamSnapshot("copy", false, "agent-0", 1, 500, 700);
        assertEquals(REGISTERED, registry.heartbeat("agent-1", CLUSTER_SECRET, beat("eu", cam, copy)));

        NodeState node = registry.find("agent-1").orElseThrow();
        assertEquals("agent-1", node.alias());
        assertEquals("eu", node.region());
        assertEquals("http://10.0.0.5:7777", node.publicUrl());
        assertEquals("agent-token-eu", node.agentToken());
        assertTrue(node.online());
        assertEquals(TestControlPlane.START, node.lastSeen());
        assertEquals(new NodeCapacity(500, 200), node.capacity());
        assertEquals(new NodeLoad(0.25, 2_000_000, 8_000_000, 5), node.load());
        assertEquals(List.of(cam, copy), node.streams());
        assertEquals(TestControlPlane.START, node.createdAt());
        assertEquals(TestControlPlane.START, node.updatedAt());
        assertEquals(4, node.viewers());
    }

    @Test
    void wrongSecretCreatesNothingAndChangesNothing() {
        assertEquals(REJECTED, registry.heartbeat("agent-1", "not-the-cluster-secret", beat("eu")));
        assertEquals(REJECTED, registry.heartbeat("agent-1", "", beat("eu")));
        assertEquals(REJECTED, registry.heartbeat("agent-1", null, beat("eu")));
        assertTrue(registry.all().isEmpty());

        assertEquals(REGISTERED, registry.heartbeat("agent-1", CLUSTER_SECRET, beat("eu")));
        app.clock.advance(Duration.ofSeconds(1));
        assertEquals(REJECTED, registry.heartbeat("agent-1", CLUSTER_SECRET + "x", beat("us", Beats.published("x", 1))));
        NodeState node = registry.find("agent-1").orElseThrow();
        assertEquals("eu", node.region());
        assertEquals(TestControlPlane.START, node.lastSeen());
        assertEquals(List.of(), node.streams());
    }

    @Test
    void laterHeartbeatsReplaceTheSnapshotAndKeepCreatedAt() {
        registry.heartbeat("agent-1", CLUSTER_SECRET, beat("eu", Beats.published("a", 1)));
        app.clock.advance(Duration.ofMillis(2_000));
        NodeHeartbeat second = new NodeHeartbeat("https://agent.example:8443", "us", new NodeCapacity(10, 5),
                new NodeLoad(0.5, 1, 2, 3), List.of(Beats.published("b", 2)), null);
        assertEquals(UPDATED, registry.heartbeat("agent-1", CLUSTER_SECRET, second));
        NodeState node = registry.find("agent-1").orElseThrow();
        assertEquals("us", node.region());
        assertEquals("https://agent.example:8443", node.publicUrl());
        assertNull(node.agentToken());
        assertEquals(new NodeCapacity(10, 5), node.capacity());
        assertEquals(new NodeLoad(0.5, 1, 2, 3), node.load());
        assertEquals(List.of(Beats.published("b", 2)), node.streams());
        assertEquals(TestControlPlane.START, node.createdAt());
        assertEquals(Instant.parse("2026-11-20T08:00:02.123Z"), node.lastSeen());
        assertEquals(node.lastSeen(), node.updatedAt());
    }

    @Test
    void offlineAfterSixSecondsWithoutHeartbeatAndBackOnlineWithOne() {
        registry.heartbeat("agent-1", CLUSTER_SECRET, beat("eu"));
        app.clock.advance(Duration.ofSeconds(6));
        assertTrue(registry.find("agent-1").orElseThrow().online());
        app.clock.advance(Duration.ofMillis(1));
        assertFalse(registry.find("agent-1").orElseThrow().online());
        assertFalse(registry.all().get(0).online());
        registry.heartbeat("agent-1", CLUSTER_SECRET, beat("eu"));
        assertTrue(registry.find("agent-1").orElseThrow().online());
    }

    @Test
    void createdNodeUsesItsOwnSecretNotTheClusterSecret() {
        NodeState created = registry.create("edge-1", "edge-1-secret-abcdefgh", "asia");
        assertEquals("asia", created.region());
        assertFalse(created.online());
        assertNull(created.lastSeen());
        assertNull(created.publicUrl());
        assertNull(created.capacity());
        assertNull(created.load());
        assertEquals(List.of(), created.streams());

        assertEquals(REJECTED, registry.heartbeat("edge-1", CLUSTER_SECRET, beat("eu")));
        assertEquals(UPDATED, registry.heartbeat("edge-1", "edge-1-secret-abcdefgh", beat("eu")));
        NodeState node = registry.find("edge-1").orElseThrow();
        assertEquals("asia", node.region(), "the region set through the API wins over the reported one");
        assertTrue(node.online());
        assertThrows(NodeExistsException.class, () -> registry.create("edge-1", "another-secret-abcdefgh", null));
    }

    @Test
    void updateChangesSecretAndRegion() {
        registry.heartbeat("agent-1", CLUSTER_SECRET, beat("eu"));
        app.clock.advance(Duration.ofSeconds(1));
        NodeState changed = registry.update("agent-1", "new-node-secret-0123456", "hq");
        assertEquals("hq", changed.region());
        assertEquals(Instant.parse("2026-11-20T08:00:01.123Z"), changed.updatedAt());
        assertEquals(REJECTED, registry.heartbeat("agent-1", CLUSTER_SECRET, beat("eu")));
        assertEquals(UPDATED, registry.heartbeat("agent-1", "new-node-secret-0123456", beat("eu")));
        assertEquals("hq", registry.find("agent-1").orElseThrow().region());
        assertEquals("eu", registry.update("agent-1", null, "").region(), "an empty region falls back to the reported one");
        assertThrows(NodeNotFoundException.class, () -> registry.update("nope", null, "x"));
    }

    @Test
    void deleteRemovesTheNode() {
        registry.heartbeat("agent-1", CLUSTER_SECRET, beat("eu"));
        registry.delete("agent-1");
        assertTrue(registry.find("agent-1").isEmpty());
        assertThrows(NodeNotFoundException.class, () -> registry.delete("agent-1"));
    }

    @Test
    void listIsOrderedByAlias() {
        for (String alias : List.of("c", "a", "b")) {
            registry.heartbeat(alias, CLUSTER_SECRET, beat("eu"));
        }
        assertEquals(List.of("a", "b", "c"), registry.all().stream().map(NodeState::alias).toList());
    }

    @Test
    void concurrentFirstHeartbeatsRegisterOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<NodeRegistry.HeartbeatResult>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> registry.heartbeat("racer", CLUSTER_SECRET, beat("eu")));
            }
            List<NodeRegistry.HeartbeatResult> results = new ArrayList<>();
            for (Future<NodeRegistry.HeartbeatResult> future : pool.invokeAll(calls)) {
                results.add(future.get());
            }
            assertEquals(1, results.stream().filter(REGISTERED::equals).count(), results.toString());
            assertEquals(7, results.stream().filter(UPDATED::equals).count(), results.toString());
        } finally {
            pool.shutdownNow();
        }
    }
}
