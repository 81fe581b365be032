package dev.castmesh.agent.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.castmesh.gst.client.HttpSdpExchange;
import dev.castmesh.gst.client.PublishSource;
import dev.castmesh.gst.client.VideoCodec;
import dev.castmesh.gst.client.WhipClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static dev.castmesh.agent.it.RecordApiIT.JSON;
import static dev.castmesh.agent.it.RecordApiIT.recorderToml;
import static dev.castmesh.agent.it.RecordApiIT.run;
import static dev.castmesh.agent.it.RecordApiIT.spoolIsStorage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10 finding 13: {@code kill -9} of a real agent process while it records a real H.264 publish leaves the
 * day's manifest {@code dynamic}; the next start of the agent on the same spool makes it static, and ffprobe plays it.
 */
class CrashedRecordingIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void aKilledAgentsDynamicManifestIsMadeStaticOnTheNextStart() throws Exception {
        Path spool = dir.resolve("spool");
        String toml = recorderToml(spool, "") + spoolIsStorage(spool);
        Path mpd;
        try (AgentProcess agent = AgentProcess.start("crash", dir, toml)) {
            WhipClient publisher = WhipClient.start(PublishSource.test(VideoCodec.H264).withVideo(320, 240, 30, 300),
                    new HttpSdpExchange(URI.create(agent.url + "/whip/cam"), Optional.empty(), TIMEOUT), List.of(), TIMEOUT);
            try {
                assertTrue(publisher.awaitConnected(TIMEOUT), "publisher connected");
                HttpResponse<String> started = send(agent.url, "POST", "/api/record/cam");
                assertEquals(201, started.statusCode(), started.body());
                mpd = spool.resolve(JSON.readTree(started.body()).path("manifest_path").asText());
                Waits.until(() -> segments(agent.url) >= 6, Duration.ofSeconds(30), "6 segments");
                agent.kill();
            } finally {
                publisher.close();
            }
        }
        String left = Files.readString(mpd);
        assertTrue(left.contains("type=\"dynamic\""), "the killed agent left a dynamic manifest: " + left);

        try (AgentProcess again = AgentProcess.start("crash", dir, toml)) {
            String now = Files.readString(mpd);
            assertTrue(now.contains("type=\"static\"") && now.contains("mediaPresentationDuration"),
                    "static after the restart: " + now);
            double seconds = Double.parseDouble(run(List.of("ffprobe", "-v", "error", "-show_entries",
                    "format=duration", "-of", "csv=p=0", mpd.toString())).strip());
            System.out.println("after kill -9 and restart: static manifest, ffprobe duration " + seconds + " s");
            assertTrue(seconds >= 4, "ffprobe duration " + seconds);
            assertTrue(again.logText().contains("made static"), again.logText());
        }
    }

    private HttpResponse<String> send(String url, String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url + path)).timeout(TIMEOUT)
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private long segments(String url) {
        try {
            JsonNode state = JSON.readTree(send(url, "GET", "/api/record/cam").body());
            return state.path("segments").asLong();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
