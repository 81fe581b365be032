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

import static dev.castmesh.controlplane.node.HeartbeatOutcome.Result.ENROLLED;
import static dev.castmesh.controlplane.node.HeartbeatOutcome.Result.REJECTED;
import static dev.castmesh.controlplane.node.HeartbeatOutcome.Result.UPDATED;
import static dev.castmesh.controlplane.testing.TestControlPlane.CLUSTER_SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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

    private HeartbeatOutcome.Result result(String alias, String secret, NodeHeartbeat beat) {
        return registry.heartbeat(alias, secret, beat).result();
    }

    /** The first heartbeat with the cluster secret: enrolled; @return the node's credential */
    private String enrol(String alias, NodeHeartbeat beat) {
        HeartbeatOutcome outcome = registry.heartbeat(alias, CLUSTER_SECRET, beat);
        assertEquals(ENROLLED, outcome.result());
        assertNotNull(outcome.credential());
        return outcome.credential();
    }

    @Test
    void firstHeartbeatWithTheClusterSecretRegistersEverything() {
        StreamSnapshot cam = Beats.published("cam", 3);
        StreamSnapshot copy = new StreamSnapshot("copy", false, "agent-0", 1, 500, 700);
        enrol("agent-1", beat("eu", cam, copy));

        NodeState node = registry.find("agent-1").orElseThrow();
        assertEquals("agent-1", node.alias());
        assertEquals("eu", node.region());
        assertEquals("http://10.0.0.5:7777", node.publicUrl());
        assertEquals("agent-token-eu", node.agentToken());
        assertTrue(node.online());
        assertEquals(TestControlPlane.START, node.lastSeen());
        assertEquals(new NodeCapacity(500, 200, null), node.capacity());
        assertEquals(new NodeLoad(0.25, 2_000_000, 8_000_000, 5), node.load());
        assertEquals(List.of(cam, copy), node.streams());
        assertEquals(TestControlPlane.START, node.createdAt());
        assertEquals(TestControlPlane.START, node.updatedAt());
        assertEquals(4, node.viewers());
    }

    @Test
    void wrongSecretCreatesNothingAndChangesNothing() {
        assertEquals(REJECTED, result("agent-1", "not-the-cluster-secret", beat("eu")));
        assertEquals(REJECTED, result("agent-1", "", beat("eu")));
        assertEquals(REJECTED, result("agent-1", null, beat("eu")));
        assertTrue(registry.all().isEmpty());

        String credential = enrol("agent-1", beat("eu"));
        app.clock.advance(Duration.ofSeconds(1));
        assertEquals(REJECTED, result("agent-1", CLUSTER_SECRET + "x", beat("us", Beats.published("x", 1))));
        assertEquals(REJECTED, result("agent-1", credential + "x", beat("us", Beats.published("x", 1))));
        NodeState node = registry.find("agent-1").orElseThrow();
        assertEquals("eu", node.region());
        assertEquals(TestControlPlane.START, node.lastSeen());
        assertEquals(List.of(), node.streams());
    }

    @Test
    void laterHeartbeatsReplaceTheSnapshotAndKeepCreatedAt() {
        String credential = enrol("agent-1", beat("eu", Beats.published("a", 1)));
        app.clock.advance(Duration.ofMillis(2_000));
        NodeHeartbeat second = new NodeHeartbeat("https://agent.example:8443", "us", new NodeCapacity(10, 5, null),
                new NodeLoad(0.5, 1, 2, 3), List.of(Beats.published("b", 2)), null, false, GRANT_KEY);
        assertEquals(UPDATED, result("agent-1", credential, second));
        NodeState node = registry.find("agent-1").orElseThrow();
        assertEquals("us", node.region());
        assertEquals("https://agent.example:8443", node.publicUrl());
        assertNull(node.agentToken());
        assertEquals(GRANT_KEY, node.grantKey());
        assertEquals(new NodeCapacity(10, 5, null), node.capacity());
        assertEquals(new NodeLoad(0.5, 1, 2, 3), node.load());
        assertEquals(List.of(Beats.published("b", 2)), node.streams());
        assertEquals(TestControlPlane.START, node.createdAt());
        assertEquals(Instant.parse("2026-11-20T08:00:02.123Z"), node.lastSeen());
        assertEquals(node.lastSeen(), node.updatedAt());
    }

    @Test
    void offlineAfterSixSecondsWithoutHeartbeatAndBackOnlineWithOne() {
        String credential = enrol("agent-1", beat("eu"));
        app.clock.advance(Duration.ofSeconds(6));
        assertTrue(registry.find("agent-1").orElseThrow().online());
        app.clock.advance(Duration.ofMillis(1));
        assertFalse(registry.find("agent-1").orElseThrow().online());
        assertFalse(registry.all().get(0).online());
        assertEquals(UPDATED, result("agent-1", credential, beat("eu")));
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

        assertEquals(REJECTED, result("edge-1", CLUSTER_SECRET, beat("eu")));
        assertEquals(UPDATED, result("edge-1", "edge-1-secret-abcdefgh", beat("eu")));
        assertEquals(UPDATED, result("edge-1", "edge-1-secret-abcdefgh", beat("eu")), "its own secret stays its secret");
        NodeState node = registry.find("edge-1").orElseThrow();
        assertEquals("asia", node.region(), "the region set through the API wins over the reported one");
        assertTrue(node.online());
        assertThrows(NodeExistsException.class, () -> registry.create("edge-1", "another-secret-abcdefgh", null));
    }

    @Test
    void updateChangesSecretAndRegion() {
        String credential = enrol("agent-1", beat("eu"));
        app.clock.advance(Duration.ofSeconds(1));
        NodeState changed = registry.update("agent-1", "new-node-secret-0123456", "hq");
        assertEquals("hq", changed.region());
        assertEquals(Instant.parse("2026-11-20T08:00:01.123Z"), changed.updatedAt());
        assertEquals(REJECTED, result("agent-1", CLUSTER_SECRET, beat("eu")));
        assertEquals(REJECTED, result("agent-1", credential, beat("eu")), "an admin's new secret replaces the credential");
        assertEquals(UPDATED, result("agent-1", "new-node-secret-0123456", beat("eu")));
        assertEquals("hq", registry.find("agent-1").orElseThrow().region());
        assertEquals("eu", registry.update("agent-1", null, "").region(), "an empty region falls back to the reported one");
        assertThrows(NodeNotFoundException.class, () -> registry.update("nope", null, "x"));
    }

    @Test
    void deleteRemovesTheNode() {
        String credential = enrol("agent-1", beat("eu"));
        registry.delete("agent-1");
        assertTrue(registry.find("agent-1").isEmpty());
        assertThrows(NodeNotFoundException.class, () -> registry.delete("agent-1"));
        assertEquals(REJECTED, result("agent-1", credential, beat("eu")), "a deleted node's credential is gone with it");
        assertNotEquals(credential, enrol("agent-1", beat("eu")), "after an admin's DELETE the alias enrols afresh");
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
            List<Callable<HeartbeatOutcome.Result>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> result("racer", CLUSTER_SECRET, beat("eu")));
            }
            List<HeartbeatOutcome.Result> results = new ArrayList<>();
            for (Future<HeartbeatOutcome.Result> future : pool.invokeAll(calls)) {
                results.add(future.get());
            }
            assertEquals(1, results.stream().filter(ENROLLED::equals).count(), results.toString());
            assertEquals(7, results.stream().filter(REJECTED::equals).count(), "one credential, the others refused: "
                    + results);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theClusterSecretEnrolsOnceAndThenCannotMoveTheNode() {
        String credential = enrol("agent-1", beat("eu", Beats.published("cam", 1)));
        app.clock.advance(Duration.ofSeconds(1));
        NodeHeartbeat hijack = new NodeHeartbeat("http://203.0.113.9:7777", "eu", new NodeCapacity(10_000, 10_000, null),
                new NodeLoad(0, 0, 0, 0), List.of(Beats.published("victim", 0)), "rogue");
        assertEquals(REJECTED, result("agent-1", CLUSTER_SECRET, hijack));
        NodeState node = registry.find("agent-1").orElseThrow();
        assertEquals("http://10.0.0.5:7777", node.publicUrl());
        assertEquals(List.of(Beats.published("cam", 1)), node.streams());
        assertEquals(TestControlPlane.START, node.lastSeen());
        assertEquals(UPDATED, result("agent-1", credential, beat("eu")));
    }

    @Test
    void theCredentialIsStoredOnlyAsItsHash() {
        String credential = enrol("agent-1", beat("eu"));
        assertTrue(credential.length() >= 43, credential);
        String stored = app.bean(NodeRepository.class).findSecretHash("agent-1").orElseThrow();
        assertEquals(SecretHash.of(credential), stored);
        assertFalse(stored.contains(credential));
    }

    @Test
    void aNewClusterSecretDoesNotLockOutEnrolledNodes() {
        String credential = enrol("agent-1", beat("eu"));
        NodeRegistry rotated = new NodeRegistry(app.bean(NodeRepository.class),
                new ClusterConfig(true, "the-next-cluster-secret-42", Duration.ofSeconds(6), "", null), app.clock,
                new com.fasterxml.jackson.databind.ObjectMapper());
        assertEquals(UPDATED, rotated.heartbeat("agent-1", credential, beat("eu")).result());
        assertEquals(REJECTED, rotated.heartbeat("agent-2", CLUSTER_SECRET, beat("eu")).result(), "the old one is gone");
        assertEquals(ENROLLED, rotated.heartbeat("agent-2", "the-next-cluster-secret-42", beat("eu")).result());
    }

    @Test
    void aNodeRegisteredBeforeEnrolmentIsEnrolledByItsNextHeartbeat() {
        // What the registry held for an auto-registered node before enrolment: the cluster secret's hash.
        app.bean(NodeRepository.class).register("old", "eu", "http://10.0.0.7:7777", SecretHash.of(CLUSTER_SECRET), null,
                TestControlPlane.START, 1, 1, null, "{\"cpuRatio\":0,\"bitrateInBps\":0,\"bitrateOutBps\":0,\"sessions\":0}",
                "[]", false, null);
        String credential = enrol("old", beat("eu"));
        assertEquals(REJECTED, result("old", CLUSTER_SECRET, beat("eu")));
        assertEquals(UPDATED, result("old", credential, beat("eu")));
    }

    @Test
    void withoutAutoRegistrationTheClusterSecretEnrolsNothing() {
        NodeRegistry closed = new NodeRegistry(app.bean(NodeRepository.class),
                new ClusterConfig(false, CLUSTER_SECRET, Duration.ofSeconds(6), "", null), app.clock,
                new com.fasterxml.jackson.databind.ObjectMapper());
        assertEquals(REJECTED, closed.heartbeat("agent-1", CLUSTER_SECRET, beat("eu")).result());
        assertTrue(registry.all().isEmpty());
    }

    private static final String GRANT_KEY = "k".repeat(43);

    /** An enrolment answer lost on the way (a timeout) does not lock the agent out: its grant key enrols it again. */
    @Test
    void theClusterSecretEnrolsAnEnrolledNodeAgainOnlyWithItsGrantKey() {
        NodeHeartbeat withKey = new NodeHeartbeat("http://10.0.0.5:7777", "eu", new NodeCapacity(1, 1, null),
                new NodeLoad(0, 0, 0, 0), List.of(), null, false, GRANT_KEY);
        String lost = enrol("agent-1", withKey);
        NodeHeartbeat otherKey = new NodeHeartbeat("http://203.0.113.9:7777", "eu", new NodeCapacity(1, 1, null),
                new NodeLoad(0, 0, 0, 0), List.of(), null, false, "z".repeat(43));
        NodeHeartbeat noKey = new NodeHeartbeat("http://203.0.113.9:7777", "eu", new NodeCapacity(1, 1, null),
                new NodeLoad(0, 0, 0, 0), List.of(), null);
        assertEquals(REJECTED, result("agent-1", CLUSTER_SECRET, otherKey));
        assertEquals(REJECTED, result("agent-1", CLUSTER_SECRET, noKey));
        assertEquals("http://10.0.0.5:7777", registry.find("agent-1").orElseThrow().publicUrl());
        String again = enrol("agent-1", withKey);
        assertNotEquals(lost, again);
        assertEquals(REJECTED, result("agent-1", lost, withKey), "the lost credential is void");
        assertEquals(UPDATED, result("agent-1", again, withKey));
    }

    @Test
    void aNodeCreatedThroughTheApiIsNeverEnrolledByTheClusterSecret() {
        registry.create("edge-1", "edge-1-secret-abcdefgh", null);
        NodeHeartbeat withKey = new NodeHeartbeat("http://10.0.0.5:7777", "eu", new NodeCapacity(1, 1, null),
                new NodeLoad(0, 0, 0, 0), List.of(), null, false, GRANT_KEY);
        assertEquals(REJECTED, result("edge-1", CLUSTER_SECRET, withKey), "no grant key stored yet");
        assertEquals(UPDATED, result("edge-1", "edge-1-secret-abcdefgh", withKey));
    }
}
