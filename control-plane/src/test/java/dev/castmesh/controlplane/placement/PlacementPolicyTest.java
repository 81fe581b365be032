package dev.castmesh.controlplane.placement;

import dev.castmesh.api.cluster.NodeCapacity;
import dev.castmesh.api.cluster.NodeLoad;
import dev.castmesh.api.cluster.StreamSnapshot;
import dev.castmesh.controlplane.node.NodeState;
import dev.castmesh.controlplane.placement.Placement.CascadeNeeded;
import dev.castmesh.controlplane.placement.Placement.OnNode;
import dev.castmesh.controlplane.placement.Placement.Reason;
import dev.castmesh.controlplane.placement.Placement.Refused;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PlacementPolicyTest {
    private static final Instant T = Instant.parse("2026-11-20T08:00:00Z");
    private final PlacementPolicy policy = new PlacementPolicy();

    private static NodeState node(String alias, String region, boolean online, double cpu, int maxViewers, int perStream,
                                  StreamSnapshot... streams) {
        return new NodeState(alias, region, "http://" + alias + ":7777", "tok", online, T, new NodeCapacity(maxViewers, perStream, null),
                new NodeLoad(cpu, 0, 0, 0), List.of(streams), T, T);
    }

    private static NodeState idle(String alias, String region) {
        return node(alias, region, true, 0.1, 100, 10);
    }

    private static StreamSnapshot published(String stream, int viewers) {
        return new StreamSnapshot(stream, true, null, viewers, 0, 0);
    }

    private static StreamSnapshot copy(String stream, String from, int viewers) {
        return new StreamSnapshot(stream, false, from, viewers, 0, 0);
    }

    private static String on(Placement placement) {
        if (placement instanceof OnNode on) {
            return on.node().alias();
        }
        throw new AssertionError("not OnNode: " + placement);
    }

    private static Refused refused(Placement placement) {
        if (placement instanceof Refused refused) {
            return refused;
        }
        throw new AssertionError("not Refused: " + placement);
    }

    private static String cascade(Placement placement) {
        if (placement instanceof CascadeNeeded cascade) {
            return cascade.stream() + ": " + cascade.source().alias() + " -> " + cascade.target().alias();
        }
        throw new AssertionError("not CascadeNeeded: " + placement);
    }

    // --- WHIP

    @Test
    void whipGoesToTheLeastLoadedOnlineNode() {
        List<NodeState> nodes = List.of(node("a", "eu", true, 0.5, 100, 10), node("b", "eu", true, 0.2, 100, 10),
                node("c", "eu", false, 0.0, 100, 10));
        assertEquals("b", on(policy.whip("cam", nodes, Preference.none())));
    }

    @Test
    void whipScoreCountsViewersCpuAndBitrate() {
        NodeState manyViewers = node("a", "eu", true, 0.1, 100, 100, published("x", 60));
        NodeState busyCpu = node("b", "eu", true, 0.5, 100, 100);
        assertEquals("b", on(policy.whip("cam", List.of(manyViewers, busyCpu), Preference.none())));
        NodeState heavyBitrate = new NodeState("c", "eu", "u", null, true, T, new NodeCapacity(100, 100, null),
                new NodeLoad(0.1, 300_000_000, 300_000_000, 0), List.of(), T, T);
        assertEquals("b", on(policy.whip("cam", List.of(heavyBitrate, busyCpu), Preference.none())));
        assertEquals(0.1 + 0.6, LoadScore.of(heavyBitrate), 1e-9);
        assertEquals(0.6 + 0.1, LoadScore.of(manyViewers), 1e-9);
    }

    @Test
    void whipPrefersTheRegionEvenIfBusier() {
        List<NodeState> nodes = List.of(node("a", "eu", true, 0.9, 100, 10), idle("b", "us"));
        assertEquals("a", on(policy.whip("cam", nodes, new Preference("eu", null))));
        assertEquals("b", on(policy.whip("cam", nodes, new Preference("asia", null))), "unknown region: any");
        assertEquals("b", on(policy.whip("cam", nodes, Preference.none())));
    }

    @Test
    void whipTiesGoToTheSmallerAlias() {
        assertEquals("a", on(policy.whip("cam", List.of(idle("b", ""), idle("a", "")), Preference.none())));
    }

    @Test
    void whipRefusesAStreamPublishedOnAnOnlineNode() {
        List<NodeState> nodes = List.of(idle("a", "eu"), node("b", "eu", true, 0.1, 100, 10, published("cam", 0)));
        Refused refused = refused(policy.whip("cam", nodes, Preference.none()));
        assertEquals(Reason.ALREADY_PUBLISHED, refused.reason());
        assertEquals("stream 'cam' is already published on node 'b'", refused.message());
    }

    @Test
    void whipAcceptsAStreamWhosePublisherNodeIsOfflineOrThatIsOnlyACopy() {
        List<NodeState> nodes = List.of(node("a", "eu", false, 0.1, 100, 10, published("cam", 0)),
                node("b", "eu", true, 0.1, 100, 10, copy("cam", "a", 3)), idle("c", "eu"));
        assertEquals("c", on(policy.whip("cam", nodes, Preference.none())));
    }

    @Test
    void whipWithoutOnlineNodesIs503() {
        Refused refused = refused(policy.whip("cam", List.of(node("a", "eu", false, 0, 1, 1)), Preference.none()));
        assertEquals(Reason.NO_NODE_AVAILABLE, refused.reason());
        assertEquals("no media node is online", refused.message());
        assertEquals(Reason.NO_NODE_AVAILABLE, refused(policy.whip("cam", List.of(), Preference.none())).reason());
    }

    @Test
    void whipForcedNode() {
        List<NodeState> nodes = List.of(idle("a", "eu"), node("b", "eu", true, 0.9, 100, 10), node("c", "eu", false, 0, 1, 1));
        assertEquals("b", on(policy.whip("cam", nodes, new Preference("", "b"))));
        Refused offline = refused(policy.whip("cam", nodes, new Preference("", "c")));
        assertEquals(Reason.NO_NODE_AVAILABLE, offline.reason());
        assertEquals("node 'c' is offline", offline.message());
        Refused unknown = refused(policy.whip("cam", nodes, new Preference("", "zz")));
        assertEquals(Reason.NODE_NOT_FOUND, unknown.reason());
        assertEquals("no node 'zz'", unknown.message());
    }

    private static NodeState maxStreams(NodeState node, int max) {
        return new NodeState(node.alias(), node.region(), node.publicUrl(), node.agentToken(), node.online(), node.lastSeen(),
                new NodeCapacity(node.capacity().maxViewers(), node.capacity().eachStreamMaxSub(), max), node.load(),
                node.streams(), node.createdAt(), node.updatedAt());
    }

    /** Issue 10: a node carrying its [strategy] max_streams streams (from its heartbeat) takes no publish, no copy. */
    @Test
    void nodesAtTheirMaxStreamsTakeNoPublishAndNoCopy() {
        NodeState full = maxStreams(node("a", "hq", true, 0.0, 100, 10, published("one", 0)), 1);
        NodeState busy = node("b", "hq", true, 0.9, 100, 10);
        assertEquals("b", on(policy.whip("two", List.of(full, busy), Preference.none())), "a is idle but full");
        assertEquals(Reason.NO_NODE_AVAILABLE, refused(policy.whip("two", List.of(full), Preference.none())).reason());
        assertEquals("a", on(policy.whip("two", List.of(maxStreams(full, 2), busy), Preference.none())));

        NodeState carrier = node("c", "hq", true, 0.1, 100, 1, published("cam", 1));
        assertEquals("cam: c -> b", cascade(policy.whep("cam", List.of(carrier, full, busy), Preference.none())),
                "a copy is a stream too: not on a");
        assertEquals(Optional.of("b"), policy.pullTarget(List.of(full, busy), Preference.none()).map(NodeState::alias));
    }

    @Test
    void whipAvoidsNodesStillHoldingACopyOfTheStream() {
        List<NodeState> nodes = List.of(node("origin", "hq", false, 0.1, 100, 10, published("cam", 0)),
                node("a", "hq", true, 0.0, 100, 10, copy("cam", "origin", 3)), node("b", "hq", true, 0.9, 100, 10));
        assertEquals("b", on(policy.whip("cam", nodes, new Preference("hq", null))),
                "the idle node a holds a copy: a publish there would collide");
        List<NodeState> allCopies = List.of(node("a", "hq", true, 0.0, 100, 10, copy("cam", "origin", 3)),
                node("b", "hq", true, 0.9, 100, 10, copy("cam", "origin", 3)));
        assertEquals("a", on(policy.whip("cam", allCopies, Preference.none())), "every node holds a copy: the least loaded");
    }

    @Test
    void whepOfARegionWithoutCarrierCascadesIntoThatRegionEvenIfTheOriginHasRoom() {
        NodeState origin = node("origin", "hq", true, 0.1, 100, 10, published("cam", 1));
        NodeState regionB = idle("b1", "b");
        NodeState edgeB = node("b2", "b", true, 0.5, 100, 10);
        List<NodeState> level1 = List.of(origin, regionB, edgeB);
        assertEquals("cam: origin -> b1", cascade(policy.whep("cam", level1, new Preference("b", null))),
                "origin -> region: the least-loaded B node pulls from the origin");
        assertEquals("origin", on(policy.whep("cam", level1, Preference.none())), "no preference: any carrier with room");

        NodeState regionBFull = node("b1", "b", true, 0.1, 100, 2, copy("cam", "origin", 2));
        List<NodeState> level2 = List.of(origin, regionBFull, edgeB);
        assertEquals("cam: b1 -> b2", cascade(policy.whep("cam", level2, new Preference("b", null))),
                "region -> edge: the B copy is full, another B node pulls from it, not from the origin");

        List<NodeState> noRoomInB = List.of(origin, regionBFull, node("b2", "b", true, 0.5, 0, 10));
        assertEquals("origin", on(policy.whep("cam", noRoomInB, new Preference("b", null))),
                "no node of B has room: a carrier elsewhere");
        assertEquals("b1", on(policy.whep("cam", List.of(origin, node("b1", "b", true, 0.9, 100, 10,
                copy("cam", "origin", 1))), new Preference("b", null))), "a B carrier with room serves B even if busier");
    }

    @Test
    void pullTargetIsTheLeastLoadedNodeWithRoomOrTheForcedOne() {
        List<NodeState> nodes = List.of(node("a", "eu", true, 0.5, 100, 10), node("b", "us", true, 0.1, 100, 10),
                node("full", "eu", true, 0.0, 0, 10), node("off", "eu", false, 0, 100, 10));
        assertEquals("a", policy.pullTarget(nodes, new Preference("eu", null)).orElseThrow().alias());
        assertEquals("b", policy.pullTarget(nodes, Preference.none()).orElseThrow().alias());
        assertEquals("b", policy.pullTarget(nodes, new Preference("eu", "b")).orElseThrow().alias());
        assertEquals(java.util.Optional.empty(), policy.pullTarget(nodes, new Preference("", "full")));
        assertEquals(java.util.Optional.empty(), policy.pullTarget(nodes, new Preference("", "off")));
    }

    // --- WHEP

    @Test
    void whepGoesToACarrierWithRoomPreferringTheRegion() {
        List<NodeState> nodes = List.of(node("a", "eu", true, 0.1, 100, 10, published("cam", 2)),
                node("b", "us", true, 0.5, 100, 10, copy("cam", "a", 1)), idle("c", "us"));
        assertEquals("a", on(policy.whep("cam", nodes, Preference.none())));
        assertEquals("b", on(policy.whep("cam", nodes, new Preference("us", null))));
    }

    @Test
    void whepSkipsCarriersWithoutRoomPerStreamOrPerNode() {
        NodeState streamFull = node("a", "eu", true, 0.0, 100, 10, published("cam", 10));
        NodeState nodeFull = node("b", "eu", true, 0.0, 12, 10, copy("cam", "a", 2), published("other", 10));
        NodeState room = node("c", "us", true, 0.8, 100, 10, copy("cam", "a", 9));
        assertEquals("c", on(policy.whep("cam", List.of(streamFull, nodeFull, room), new Preference("eu", null))));
    }

    @Test
    void whepOfAnUnknownStreamIs404() {
        Refused refused = refused(policy.whep("cam", List.of(idle("a", ""),
                node("b", "", false, 0, 100, 10, published("cam", 0))), Preference.none()));
        assertEquals(Reason.STREAM_NOT_FOUND, refused.reason());
        assertEquals("stream 'cam' is not published on any online node", refused.message());
    }

    @Test
    void whepOverflowDecidesACascadeFromTheNearestCarrier() {
        NodeState origin = node("origin", "hq", true, 0.1, 100, 2, published("cam", 2));
        NodeState regional = node("b1", "b", true, 0.1, 100, 2, copy("cam", "origin", 2));
        NodeState edge = idle("b2", "b");
        NodeState other = idle("c1", "c");
        List<NodeState> nodes = List.of(origin, regional, edge, other);
        assertEquals("cam: b1 -> b2", cascade(policy.whep("cam", nodes, new Preference("b", null))),
                "region B is served by a B node pulling from the B carrier, not from the origin");
        assertEquals("cam: origin -> c1", cascade(policy.whep("cam", nodes, new Preference("c", null))),
                "no carrier in region C: the origin before a copy of the same load");
    }

    @Test
    void whepOverflowWithNoRoomAnywhereIs503() {
        List<NodeState> nodes = List.of(node("a", "eu", true, 0, 100, 1, published("cam", 1)),
                node("b", "eu", true, 0, 3, 3, published("other", 3)), node("c", "eu", false, 0, 100, 100));
        Refused refused = refused(policy.whep("cam", nodes, Preference.none()));
        assertEquals(Reason.NO_NODE_AVAILABLE, refused.reason());
        assertEquals("all 1 node(s) carrying stream 'cam' are full and no other online node has room", refused.message());
    }

    @Test
    void whepForcedNode() {
        NodeState a = node("a", "eu", true, 0.1, 100, 1, published("cam", 0));
        NodeState full = node("f", "eu", true, 0.1, 100, 1, copy("cam", "a", 1));
        NodeState empty = idle("e", "us");
        List<NodeState> nodes = List.of(a, full, empty, node("off", "eu", false, 0, 1, 1));
        assertEquals("a", on(policy.whep("cam", nodes, new Preference("us", "a"))));
        Refused refused = refused(policy.whep("cam", nodes, new Preference("", "f")));
        assertEquals(Reason.NO_NODE_AVAILABLE, refused.reason());
        assertEquals("node 'f' has no room for another viewer of stream 'cam'", refused.message());
        assertEquals("cam: a -> e", cascade(policy.whep("cam", nodes, new Preference("", "e"))));
        assertEquals(Reason.NO_NODE_AVAILABLE, refused(policy.whep("cam", nodes, new Preference("", "off"))).reason());
        assertEquals(Reason.NODE_NOT_FOUND, refused(policy.whep("cam", nodes, new Preference("", "zz"))).reason());
        assertEquals(Reason.STREAM_NOT_FOUND, refused(policy.whep("nope", nodes, new Preference("", "e"))).reason());
    }

    @Test
    void nodeWithoutCapacityIsNeverChosen() {
        NodeState fresh = new NodeState("new", "eu", null, null, false, null, null, null, List.of(), T, T);
        assertEquals(Reason.NO_NODE_AVAILABLE, refused(policy.whip("cam", List.of(fresh), Preference.none())).reason());
        assertEquals(2.0, LoadScore.of(fresh), 1e-9, "no capacity: as full; no load: as busy");
    }

    @Test
    void aCreatedStreamIsPublishedWhereItWasCreated() {
        NodeState busy = node("z", "hq", true, 0.9, 100, 10, StreamSnapshot.reservation("cam"));
        assertEquals("z", on(policy.whip("cam", List.of(idle("a", "hq"), busy), new Preference("hq", null))));
        assertEquals("a", on(policy.whip("cam", List.of(idle("a", "hq"), busy), new Preference("hq", "a"))), "forced wins");
        NodeState offline = node("z", "hq", false, 0.1, 100, 10, StreamSnapshot.reservation("cam"));
        assertEquals("a", on(policy.whip("cam", List.of(idle("a", "hq"), offline), Preference.none())));
    }

    @Test
    void createRefusesAStreamAnOnlineNodeHasInAnyForm() {
        for (StreamSnapshot held : List.of(published("cam", 0), copy("cam", "x", 0), StreamSnapshot.reservation("cam"))) {
            Refused refused = refused(policy.create("cam", List.of(idle("a", "hq"), node("b", "hq", true, 0.5, 100, 10, held)),
                    Preference.none()));
            assertEquals(Reason.ALREADY_EXISTS, refused.reason());
            assertEquals("stream 'cam' already exists on node 'b'", refused.message());
        }
        NodeState offlineHolder = node("b", "hq", false, 0.1, 100, 10, published("cam", 0));
        assertEquals("a", on(policy.create("cam", List.of(idle("a", "hq"), offlineHolder), Preference.none())));
    }

    @Test
    void createPicksTheForcedOrTheLeastLoadedNode() {
        List<NodeState> nodes = List.of(node("a", "hq", true, 0.8, 100, 10), idle("b", "eu"), idle("c", "hq"));
        assertEquals("c", on(policy.create("cam", nodes, new Preference("hq", null))));
        assertEquals("b", on(policy.create("cam", nodes, Preference.none())));
        assertEquals("a", on(policy.create("cam", nodes, new Preference("", "a"))));
        assertEquals(Reason.NODE_NOT_FOUND, refused(policy.create("cam", nodes, new Preference("", "nope"))).reason());
        assertEquals(Reason.NO_NODE_AVAILABLE, refused(policy.create("cam", List.of(), Preference.none())).reason());
    }
}
