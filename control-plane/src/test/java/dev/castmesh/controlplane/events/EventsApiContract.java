package dev.castmesh.controlplane.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castmesh.controlplane.testing.Beats;
import dev.castmesh.controlplane.testing.Reply;
import dev.castmesh.controlplane.testing.SseReader;
import dev.castmesh.controlplane.testing.TestControlPlane;
import io.micronaut.http.HttpRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /api/sse/events} through the real control plane on every database: the events of a publish, record and
 * cascade cycle arrive in order with increasing ids, and a client that reconnects with {@code Last-Event-ID} gets
 * the rest without a gap.
 */
abstract class EventsApiContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(10);
    private TestControlPlane app;

    abstract TestControlPlane.Db db();

    @BeforeEach
    void setUp() throws InterruptedException {
        app = TestControlPlane.shared(db());
        app.reset();
        Thread.sleep(1500); // the recorder's next tick sees the reset (the previous test's nodes go offline) first
    }

    private String streams(String json) {
        return Beats.json("http://10.0.0.5:7777", "eu", json, null);
    }

    private static String stream(String name, boolean publisher, String cascadeFrom, boolean recording) {
        return "{\"stream\":\"" + name + "\",\"publisher\":" + publisher + ",\"cascadeFrom\":"
                + (cascadeFrom == null ? "null" : "\"" + cascadeFrom + "\"") + ",\"viewers\":0,\"bitrateInBps\":0,"
                + "\"bitrateOutBps\":0,\"recording\":" + recording + "}";
    }

    /** The next event's JSON, waiting for it. */
    private static JsonNode next(SseReader reader) throws Exception {
        return reader.nextJson(WAIT);
    }

    private static String label(JsonNode event) {
        return event.get("type").asText() + " " + event.get("node").asText()
                + (event.get("stream").isNull() ? "" : "/" + event.get("stream").asText());
    }

    @Test
    void aPublishRecordCascadeCycleInOrderAndAResumeWithoutGap() throws Exception {
        long start = app.bean(EventLog.class).lastId();
        List<JsonNode> seen = new ArrayList<>();
        try (SseReader reader = SseReader.open(app.url() + "/api/sse/events?since=" + start, null)) {
            assertEquals(200, reader.status);
            assertEquals(201, app.heartbeat("a", streams("[]")).status());
            seen.add(next(reader));
            assertEquals(200, app.heartbeat("a", streams("[" + stream("cam", true, null, true) + "]")).status());
            seen.add(next(reader));
            seen.add(next(reader));
            assertEquals(201, app.heartbeat("b", streams("[" + stream("cam", false, "a", false) + "]")).status());
            seen.add(next(reader));
            seen.add(next(reader));
        }
        assertEquals(List.of("node.online a", "stream.published a/cam", "recording.started a/cam", "node.online b",
                "cascade.up b/cam"), seen.stream().map(EventsApiContract::label).toList());
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i).get("id").asLong() > seen.get(i - 1).get("id").asLong(), "ids increase");
        }
        JsonNode cascade = seen.get(4);
        assertEquals(Set.of("id", "type", "time", "node", "stream", "session", "data"), Reply.fieldNames(cascade));
        assertEquals("a", cascade.get("data").get("cascadeFrom").asText());
        assertEquals("2026-11-20T08:00:00.123Z", cascade.get("time").asText(), "the control plane's clock");

        // Disconnected: what happens now is not lost for a client that resumes from the last id it saw.
        assertEquals(200, app.heartbeat("a", streams("[" + stream("cam", true, null, false) + "]")).status());
        app.clock.advance(Duration.ofSeconds(7));
        String lastSeen = seen.get(seen.size() - 1).get("id").asText();
        List<String> resumed = new ArrayList<>();
        try (SseReader reader = SseReader.open(app.url() + "/api/sse/events", lastSeen)) {
            for (int i = 0; i < 5; i++) {
                JsonNode event = next(reader);
                resumed.add(label(event));
                assertTrue(event.get("id").asLong() > Long.parseLong(lastSeen));
            }
        }
        assertEquals(List.of("recording.finished a/cam", "stream.ended a/cam", "node.offline a", "cascade.down b/cam",
                "node.offline b"), resumed);
    }

    @Test
    void withoutAnIdOnlyNewEventsAndBadIdsAre400() throws Exception {
        assertEquals(201, app.heartbeat("old", streams("[]")).status());
        Thread.sleep(2500); // recorded before the client connects
        try (SseReader reader = SseReader.open(app.url() + "/api/sse/events", null)) {
            assertEquals(201, app.heartbeat("new", streams("[]")).status());
            assertEquals("node.online new", label(next(reader)));
            assertEquals(": castmesh cluster events", reader.lines().get(0), "the stream opens with a comment: " + reader.lines());
        }
        assertEquals("Last-Event-ID must be an event id (a whole number, 0 or more)", Reply.send(app.client(),
                HttpRequest.GET("/api/sse/events").header("Last-Event-ID", "x")).assertError(400, "bad_request").message());
        Reply.send(app.client(), HttpRequest.GET("/api/sse/events?since=-1")).assertError(400, "bad_request");
    }
}
