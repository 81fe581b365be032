package dev.castmesh.controlplane.events;

import dev.castmesh.api.cluster.NodeCapacity;
import dev.castmesh.api.cluster.NodeLoad;
import dev.castmesh.api.cluster.StreamSnapshot;
import dev.castmesh.api.recording.RecordingInfo;
import dev.castmesh.api.streams.PublisherInfo;
import dev.castmesh.api.streams.StreamInfo;
import dev.castmesh.api.streams.ViewerInfo;
import dev.castmesh.controlplane.node.NodeState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SessionDiffTest {
    private static final Instant T = Instant.parse("2026-11-20T08:00:00Z");

    private static StreamInfo stream(String name, String publisher, List<String> viewers, RecordingInfo recording) {
        return new StreamInfo(name, T, publisher == null ? null : new PublisherInfo(publisher, "CONNECTED", List.of(), 0, 0),
                viewers.stream().map(id -> new ViewerInfo(id, "CONNECTED", List.of(), 0, 0)).toList(), 0, 0, null, List.of(),
                recording);
    }

    private static RecordingInfo recording(Instant since, long segments) {
        return new RecordingInfo("cam", true, "RECORDING", since, null, 4, segments, 0, 0, "cam/m.mpd", 0, null);
    }

    private static List<String> labels(List<EventDraft> events) {
        return events.stream().map(e -> e.type().json() + " " + e.stream() + (e.session() == null ? "" : " " + e.session()
                + " " + e.data().get("role"))).toList();
    }

    @Test
    void sessionsJoinPublisherFirstAndLeaveViewersFirst() {
        Map<String, StreamInfo> before = Map.of("cam", stream("cam", "P1", List.of("V1"), null));
        Map<String, StreamInfo> after = Map.of("cam", stream("cam", "P1", List.of("V1", "V2")),
                "new", stream("new", "P9", List.of("V9"), null));
        assertEquals(List.of("session.joined cam a.V2 subscribe", "session.joined new a.P9 publish", "session.joined new a.V9 subscribe"),
                labels(SessionDiff.between("a", before, after)));
        assertEquals(List.of("session.left cam a.V1 subscribe", "session.left cam a.V2 subscribe", "session.left cam a.P1 publish",
                "session.left new a.V9 subscribe", "session.left new a.P9 publish"), labels(SessionDiff.between("a", after, Map.of())));
        assertEquals(List.of(), SessionDiff.between("a", after, after));
    }

    private static StreamInfo stream(String name, String publisher, List<String> viewers) {
        return stream(name, publisher, viewers, null);
    }

    @Test
    void segmentsCountWithinOneRecordingAndFromZeroForANewOne() {
        Map<String, StreamInfo> two = Map.of("cam", stream("cam", "P1", List.of(), recording(T, 2)));
        Map<String, StreamInfo> five = Map.of("cam", stream("cam", "P1", List.of(), recording(T, 5)));
        EventDraft added = SessionDiff.between("a", two, five).get(0);
        assertEquals(EventType.RECORDING_SEGMENT, added.type());
        assertEquals(Map.of("segments", 5L, "added", 3L, "manifest_path", "cam/m.mpd"), added.data());
        assertEquals(List.of(), SessionDiff.between("a", five, five));
        Map<String, StreamInfo> restarted = Map.of("cam", stream("cam", "P1", List.of(), recording(T.plusSeconds(60), 1)));
        assertEquals(1L, SessionDiff.between("a", five, restarted).get(0).data().get("added"));
    }

    @Test
    void idsThatAreNotRoutableAreLeftOut() {
        Map<String, StreamInfo> odd = Map.of("cam", stream("cam", "x".repeat(200), List.of("V1")));
        assertEquals(List.of("session.joined cam a.V1 subscribe"), labels(SessionDiff.between("a", Map.of(), odd)));
    }

    private static NodeState node(String alias, boolean online, StreamSnapshot... streams) {
        return new NodeState(alias, "eu", "http://" + alias, "tok", online, T, new NodeCapacity(10, 10, null), new NodeLoad(0, 0, 0, 0),
                List.of(streams), T, T);
    }

    @Test
    void aNodeThatDidNotAnswerKeepsItsSessionsOneWithoutStreamsHasNone() {
        Map<String, StreamInfo> cam = Map.of("cam", stream("cam", "P1", List.of("V1")));
        SessionBaseline seen = SessionBaseline.EMPTY.next(List.of(node("a", true, new StreamSnapshot("cam", true, null, 1, 0, 0))),
                Map.of("a", cam));
        SessionBaseline silent = seen.next(List.of(node("a", true, new StreamSnapshot("cam", true, null, 1, 0, 0))), Map.of());
        assertEquals(List.of(), seen.diff(silent), "no answer is no news");
        SessionBaseline empty = seen.next(List.of(node("a", true)), Map.of());
        assertEquals(2, seen.diff(empty).size(), "no stream in the heartbeat: both sessions left");
        assertEquals(2, seen.diff(seen.next(List.of(node("a", false, new StreamSnapshot("cam", true, null, 1, 0, 0))), Map.of()))
                .size(), "offline: both left");
        assertEquals(2, seen.diff(seen.next(List.of(), Map.of())).size(), "deleted: both left");
    }
}
