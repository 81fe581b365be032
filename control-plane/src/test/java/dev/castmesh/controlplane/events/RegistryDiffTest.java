package dev.castmesh.controlplane.events;

import dev.castmesh.api.cluster.StreamSnapshot;
import dev.castmesh.controlplane.node.NodeState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RegistryDiffTest {
    private static final Instant T = Instant.parse("2026-11-20T08:00:00Z");

    private static NodeState node(String alias, boolean online, StreamSnapshot... streams) {
        return new NodeState(alias, "eu", "http://h:1", null, online, T, null, null, List.of(streams), T, T);
    }

    private static StreamSnapshot published(String name, boolean recording) {
        return new StreamSnapshot(name, true, null, 0, 0, 0, recording, false);
    }

    private static List<String> types(List<EventDraft> events) {
        return events.stream().map(event -> event.type().json() + " " + event.node() + (event.stream() == null ? "" : "/" + event.stream())).toList();
    }

    @Test
    void nothingChangedIsNoEvent() {
        List<NodeState> nodes = List.of(node("a", true, published("cam", false)));
        assertEquals(List.of(), RegistryDiff.between(nodes, nodes));
    }

    @Test
    void aNodeComesOnlineWithItsStreams() {
        List<EventDraft> events = RegistryDiff.between(List.of(node("a", false)),
                List.of(node("a", true, published("cam", true)), node("b", true, new StreamSnapshot("cam", false, "a", 0, 0, 0))));
        assertEquals(List.of("node.online a", "stream.published a/cam", "recording.started a/cam", "node.online b",
                "cascade.up b/cam"), types(events));
        assertEquals("a", events.get(4).data().get("cascadeFrom"));
        assertEquals("eu", events.get(0).data().get("region"));
    }

    @Test
    void changesOfOneNode() {
        List<NodeState> before = List.of(node("a", true, published("cam", true), new StreamSnapshot("copy", false, "x", 0, 0, 0)));
        List<NodeState> after = List.of(node("a", true, published("cam", false), new StreamSnapshot("copy", false, "y", 0, 0, 0),
                published("new", false)));
        assertEquals(List.of("recording.finished a/cam", "cascade.down a/copy", "cascade.up a/copy", "stream.published a/new"),
                types(RegistryDiff.between(before, after)), "by stream name; a re-attach is down then up");
    }

    @Test
    void anOfflineOrDeletedNodeEndsItsStreamsFirst() {
        List<NodeState> before = List.of(node("a", true, published("cam", true)), node("b", true, new StreamSnapshot("cam", false, "a", 0, 0, 0)));
        List<EventDraft> events = RegistryDiff.between(before, List.of(node("a", false, published("cam", true))));
        assertEquals(List.of("recording.finished a/cam", "stream.ended a/cam", "node.offline a", "cascade.down b/cam",
                "node.offline b"), types(events));
        assertEquals(false, events.get(2).data().get("deleted"));
        assertEquals(true, events.get(4).data().get("deleted"));
    }
}
