package dev.castmesh.agent.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castmesh.gst.client.VideoCodec;
import dev.castmesh.gst.client.WhipClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /api/record/{stream}} on a real agent with a real H.264 + Opus publisher, the spool as the storage
 * (fs storage rooted at the spool): start, state, stop, the files ffprobe reads; the 4xx answers; auto_streams.
 */
class RecordApiIT {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static String recorderToml(Path spool, String extra) {
        return "[recorder]\nspool = \"" + spool + "\"\nsegment_duration = 2\n" + extra;
    }

    /** The documented local setup: fs storage whose root is the spool (nothing is copied or removed). */
    static String spoolIsStorage(Path spool) {
        return "[recorder.storage]\ntype = \"fs\"\nroot = \"" + spool + "\"\n";
    }

    static HttpResponse<String> call(TestAgent agent, String method, String path, String body) throws Exception {
        HttpRequest.Builder r = agent.request(path);
        if (body != null) {
            r.header("Content-Type", "application/json");
        }
        r.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return agent.send(r);
    }

    static JsonNode state(TestAgent agent, String stream) throws Exception {
        HttpResponse<String> r = call(agent, "GET", "/api/record/" + stream, null);
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    static void assertError(HttpResponse<String> r, int status, String messagePart) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        JsonNode body = JSON.readTree(r.body());
        assertTrue(body.hasNonNull("error"), r.body());
        assertTrue(body.path("message").asText().contains(messagePart), r.body());
    }

    @Test
    void recordsAPublishedH264StreamThroughTheApi() throws Exception {
        Path spool = dir.resolve("spool");
        try (TestAgent agent = TestAgent.start(recorderToml(spool, "") + spoolIsStorage(spool))) {
            assertError(call(agent, "POST", "/api/record/nobody", null), 404, "nobody");
            assertError(call(agent, "GET", "/api/record/nobody", null), 404, "nobody");
            assertError(call(agent, "DELETE", "/api/record/nobody", null), 404, "nobody");
            assertError(call(agent, "POST", "/api/record/a%2Fb", null), 400, "invalid stream name");

            WhipClient vp8 = agent.publish("vp8cam", VideoCodec.VP8, Optional.empty());
            WhipClient h264 = agent.publish("cam", VideoCodec.H264, Optional.empty());
            try {
                assertError(call(agent, "POST", "/api/record/vp8cam", null), 422, "publish H.264");
                assertError(call(agent, "POST", "/api/record/cam", "{\"segment_duration\": "), 400, "segment_duration");
                assertError(call(agent, "POST", "/api/record/cam", "[1]"), 400, "JSON object");
                assertError(call(agent, "POST", "/api/record/cam", "{\"segment_duration\": 1}"), 400, "between 2 and 10");
                assertError(call(agent, "POST", "/api/record/cam", "{\"segments\": 4}"), 400, "segment_duration");
                assertFalse(state(agent, "cam").path("recording").asBoolean(), "not recording yet");

                HttpResponse<String> started = call(agent, "POST", "/api/record/cam", "{\"segment_duration\": 2}");
                assertEquals(201, started.statusCode(), started.body());
                JsonNode s = JSON.readTree(started.body());
                assertTrue(s.path("recording").asBoolean(), started.body());
                assertEquals(2, s.path("segment_duration").asInt(), started.body());
                String day = LocalDate.now(ZoneOffset.UTC).toString().replace('-', '/');
                assertEquals("cam/" + day + "/manifest.mpd", s.path("manifest_path").asText(), started.body());
                assertError(call(agent, "POST", "/api/record/cam", null), 409, "already");

                Waits.until(() -> segments(agent, "cam") >= 8, Duration.ofSeconds(30), "8 segments");
                HttpResponse<String> stopped = call(agent, "DELETE", "/api/record/cam", null);
                assertEquals(200, stopped.statusCode(), stopped.body());
                JsonNode end = JSON.readTree(stopped.body());
                assertEquals("FINISHED", end.path("state").asText(), stopped.body());
                assertFalse(end.path("recording").asBoolean());
                assertTrue(end.path("bytes").asLong() > 10_000, stopped.body());
                assertError(call(agent, "DELETE", "/api/record/cam", null), 404, "not being recorded");

                Path mpd = spool.resolve(end.path("manifest_path").asText());
                assertTrue(Files.readString(mpd).contains("type=\"static\""), "static MPD");
                try (Stream<Path> files = Files.walk(mpd.getParent())) {
                    assertTrue(files.anyMatch(p -> p.getFileName().toString().startsWith("seg-")), "segments in the spool");
                }
                double seconds = Double.parseDouble(run(List.of("ffprobe", "-v", "error", "-show_entries",
                        "format=duration", "-of", "csv=p=0", mpd.toString())).strip());
                assertTrue(seconds >= 6, "ffprobe duration " + seconds);
                assertTrue(agent.send(agent.request("/api/streams/cam").GET()).statusCode() == 200, "the stream lives on");
            } finally {
                h264.close();
                vp8.close();
            }
        }
    }

    @Test
    void autoStreamsStartARecordingOnPublish() throws Exception {
        Path spool = dir.resolve("spool");
        try (TestAgent agent = TestAgent.start(recorderToml(spool, "auto_streams = [\"live*\"]\n") + spoolIsStorage(spool))) {
            WhipClient other = agent.publish("other", VideoCodec.H264, Optional.empty());
            WhipClient live = agent.publish("live1", VideoCodec.H264, Optional.empty());
            try {
                Waits.until(() -> segments(agent, "live1") >= 2, Duration.ofSeconds(20), "an automatic recording");
                assertFalse(state(agent, "other").path("recording").asBoolean(), "'other' does not match live*");
                JsonNode view = JSON.readTree(agent.send(agent.request("/api/streams/live1").GET()).body());
                assertEquals("RECORDING", view.at("/recording/state").asText(), view.toString());
                assertTrue(view.at("/recording/segments").asLong() >= 2, view.toString());
                assertTrue(view.at("/recording/since").isTextual(), view.toString());
                JsonNode list = JSON.readTree(agent.send(agent.request("/api/streams").GET()).body());
                for (JsonNode stream : list) {
                    assertEquals(stream.path("stream").asText().equals("live1"), stream.has("recording"),
                            "only a recorded stream has a recording: " + list);
                }
                assertEquals(200, call(agent, "DELETE", "/api/record/live1", null).statusCode());
                assertEquals("FINISHED", JSON.readTree(agent.send(agent.request("/api/streams/live1").GET()).body())
                        .at("/recording/state").asText(), "the last recording stays in the view");
                Thread.sleep(1500);
                assertFalse(state(agent, "live1").path("recording").asBoolean(), "a stopped auto recording stays stopped");
            } finally {
                live.close();
                other.close();
            }
        }
    }

    static long segments(TestAgent agent, String stream) {
        try {
            return state(agent, stream).path("segments").asLong();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + out);
        return out;
    }
}
