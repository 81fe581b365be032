package dev.castmesh.controlplane.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castmesh.api.cluster.NodeCapacity;
import dev.castmesh.api.cluster.NodeHeartbeat;
import dev.castmesh.api.cluster.NodeLoad;
import dev.castmesh.api.cluster.StreamSnapshot;
import dev.castmesh.api.recording.RecordingInfo;
import dev.castmesh.api.streams.PublisherInfo;
import dev.castmesh.api.streams.StreamInfo;
import dev.castmesh.api.streams.ViewerInfo;
import dev.castmesh.controlplane.testing.FakeAgent;
import dev.castmesh.controlplane.testing.Reply;
import dev.castmesh.controlplane.testing.SseReader;
import dev.castmesh.controlplane.testing.TestControlPlane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /api/sse/events} with the events only the agents' stream lists show ({@link SessionDiff}): a publish, a
 * viewer, recorded segments, the viewer and the publisher leaving, read by a real SSE client through the real control
 * plane (SQLite), with a {@link FakeAgent} answering {@code GET /api/streams} as our agent does; the client disconnects
 * midway and resumes with {@code Last-Event-ID} without losing an event.
 */
class SessionEventsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Instant CREATED = Instant.parse("2026-11-20T07:59:00Z");
    private TestControlPlane app;
    private FakeAgent agent;

    @BeforeEach
    void setUp() throws InterruptedException {
        app = TestControlPlane.shared(TestControlPlane.Db.SQLITE);
        app.reset();
        Thread.sleep(1500); // the recorder's next tick sees the reset first
        agent = new FakeAgent("a", "tok-a");
    }

    @AfterEach
    void tearDown() {
        agent.close();
    }

    /** The agent's stream list changes, and a second passes (the control plane's 1 s cache of it expires) with a beat. */
    private void step(List<StreamInfo> streams, StreamSnapshot... beat) throws Exception {
        agent.streams(streams);
        app.clock.advance(Duration.ofMillis(1100));
        NodeHeartbeat heartbeat = new NodeHeartbeat(agent.url(), "eu", new NodeCapacity(100, 10, null), new NodeLoad(0.1, 0, 0, 0),
                List.of(beat), "tok-a", false, agent.grantKey());
        Reply reply = app.heartbeat("a", JSON.writeValueAsString(heartbeat));
        assertEquals(2, reply.status() / 100, reply.body());
        if (beat.length > 0) {
            awaitLook(); // a node that reports no stream is not asked: its sessions are gone
        }
    }

    /**
     * Until the control plane asked the agent for its list once more (with the test's clock standing still, its 1 s
     * cache lets one call through per step), and a little longer for the answer to be read. The recorder looks once a
     * second: a state shorter than that can go unseen, which is why the steps wait.
     */
    private void awaitLook() throws InterruptedException {
        long target = lists() + 1;
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (lists() < target && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(lists() >= target, () -> "the control plane did not look at the agent's streams: " + agent.requests());
        Thread.sleep(300);
    }

    private long lists() {
        return agent.streamListRequests().size();
    }

    private static StreamInfo cam(List<ViewerInfo> viewers, RecordingInfo recording) {
        return new StreamInfo("cam", CREATED, new PublisherInfo("P1", "CONNECTED", List.of("VP8"), 0, 0), viewers, 0, 0,
                null, List.of(), recording);
    }

    private static RecordingInfo recording(long segments) {
        return new RecordingInfo("cam", true, "RECORDING", CREATED, null, 4, segments, 0, 0,
                "cam/2026/11/20/manifest.mpd", 0, null);
    }

    private static JsonNode next(SseReader reader) throws Exception {
        return reader.nextJson(WAIT);
    }

    private static String label(JsonNode event) {
        return event.get("type").asText() + " " + event.get("stream").asText()
                + (event.get("session").isNull() ? "" : " " + event.get("session").asText() + " " + event.get("data").get("role").asText());
    }

    @Test
    void aPublishPlayRecordCycleInOrderAndAResumeWithoutLoss() throws Exception {
        ViewerInfo viewer = new ViewerInfo("V1", "CONNECTED", List.of("VP8"), 0, 0);
        StreamSnapshot published = new StreamSnapshot("cam", true, null, 0, 0, 0);
        long start = app.bean(EventLog.class).lastId();
        List<JsonNode> seen = new ArrayList<>();
        try (SseReader reader = SseReader.open(app.url() + "/api/sse/events?since=" + start, null)) {
            assertEquals(200, reader.status);
            step(List.of(cam(List.of(), null)), published);
            for (int i = 0; i < 3; i++) {
                seen.add(next(reader));
            }
            step(List.of(cam(List.of(viewer), null)), published);
            seen.add(next(reader));
            step(List.of(cam(List.of(viewer), recording(2))), published);
            seen.add(next(reader));
        }
        assertEquals(List.of("node.online null", "stream.published cam", "session.joined cam a.P1 publish",
                "session.joined cam a.V1 subscribe", "recording.segment cam"), seen.stream().map(SessionEventsIT::label).toList());
        JsonNode segment = seen.get(4);
        assertEquals(2, segment.get("data").get("segments").asInt());
        assertEquals(2, segment.get("data").get("added").asInt());
        assertEquals("cam/2026/11/20/manifest.mpd", segment.get("data").get("manifest_path").asText());
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i).get("id").asLong() > seen.get(i - 1).get("id").asLong(), "ids increase");
        }

        // Disconnected: one more segment, the viewer leaves, then the publisher; the resumed client gets all of it.
        step(List.of(cam(List.of(viewer), recording(3))), published);
        step(List.of(cam(List.of(), recording(3))), published);
        step(List.of());
        String lastSeen = seen.get(seen.size() - 1).get("id").asText();
        List<String> resumed = new ArrayList<>();
        try (SseReader reader = SseReader.open(app.url() + "/api/sse/events", lastSeen)) {
            for (int i = 0; i < 4; i++) {
                resumed.add(label(next(reader)));
            }
        }
        assertEquals(List.of("recording.segment cam", "session.left cam a.V1 subscribe", "session.left cam a.P1 publish",
                "stream.ended cam"), resumed);
    }
}
