package dev.castmesh.controlplane.streamview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castmesh.api.cluster.NodeCapacity;
import dev.castmesh.api.cluster.NodeHeartbeat;
import dev.castmesh.api.cluster.NodeLoad;
import dev.castmesh.api.cluster.StreamSnapshot;
import dev.castmesh.api.streams.PublisherInfo;
import dev.castmesh.api.streams.StreamInfo;
import dev.castmesh.controlplane.testing.FakeAgent;
import dev.castmesh.controlplane.testing.LivemanShape;
import dev.castmesh.controlplane.testing.Reply;
import dev.castmesh.controlplane.testing.TestControlPlane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /api/sse/streams} through the real control plane: a plain HTTP client reads the event stream as a browser's
 * EventSource would, and each event's data is Liveman's {@code Stream[]} ({@code liveman/streams.json}).
 */
class StreamSnapshotsSseIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private TestControlPlane app;
    private FakeAgent agent;

    @BeforeEach
    void setUp() throws Exception {
        app = TestControlPlane.shared(TestControlPlane.Db.SQLITE);
        app.reset();
        agent = new FakeAgent("a", "tok-a");
        NodeHeartbeat beat = new NodeHeartbeat(agent.url(), "eu", new NodeCapacity(100, 10, null), new NodeLoad(0.1, 0, 0, 1),
                List.of(new StreamSnapshot("cam", true, null, 0, 10, 0), new StreamSnapshot("other", true, null, 0, 10, 0)),
                "tok-a", false, agent.grantKey());
        assertEquals(2, app.heartbeat("a", JSON.writeValueAsString(beat)).status() / 100);
        agent.streams(List.of(new StreamInfo("cam", Instant.parse("2026-11-20T07:00:00Z"),
                new PublisherInfo("P1", "CONNECTED", List.of("VP8/90000"), 10, 10), List.of(), 10, 0)));
    }

    @AfterEach
    void tearDown() {
        agent.close();
    }

    /** An event's data lines joined, with the time it arrived. */
    record Received(String data, long atMillis) {
    }

    private List<Received> read(String pathAndQuery, int events) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(app.url() + pathAndQuery)).header("Accept", "text/event-stream").build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"), response.headers().toString());
        List<Received> received = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            StringBuilder data = new StringBuilder();
            String line;
            while (received.size() < events && (line = reader.readLine()) != null) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        received.add(new Received(data.toString(), System.currentTimeMillis()));
                        data.setLength(0);
                    }
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).stripLeading());
                }
            }
        }
        return received;
    }

    @Test
    void snapshotsEveryTwoSecondsInLivemansShape() throws Exception {
        List<Received> events = read("/api/sse/streams", 3);
        assertEquals(3, events.size());
        LivemanShape shape = LivemanStreamsIT.streamsShape();
        for (Received event : events) {
            shape.check(event.data());
            JsonNode streams = JSON.readTree(event.data());
            assertEquals(List.of("cam", "other"), List.of(streams.get(0).get("id").asText(), streams.get(1).get("id").asText()));
            assertEquals("a.P1", streams.get(0).get("publish").get("sessions").get(0).get("id").asText());
        }
        long gap = events.get(2).atMillis() - events.get(1).atMillis();
        assertTrue(gap > 1500 && gap < 3500, "about 2 s between snapshots, was " + gap + " ms");
    }

    @Test
    void filtersByStreamAndNodeAndRefusesBadNames() throws Exception {
        List<Received> only = read("/api/sse/streams?streams=other", 1);
        assertEquals(1, JSON.readTree(only.get(0).data()).size());
        assertEquals("other", JSON.readTree(only.get(0).data()).get(0).get("id").asText());
        assertEquals("[]", read("/api/sse/streams?nodes=nobody", 1).get(0).data());
        Reply bad = Reply.send(app.client(), io.micronaut.http.HttpRequest.GET("/api/sse/streams?streams=a%20b"));
        bad.assertError(400, "bad_request");
    }
}
