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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.castmesh.agent.it.RecordApiIT.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 5, "verified with players written by others", end to end through the control plane: an agent registered
 * with a control plane (auth on) that reads the same storage; an H.264 + Opus WHIP publish through the control
 * plane; 20 s recorded through the control plane's {@code POST}/{@code DELETE /api/record/{stream}}; the index row
 * from {@code GET /api/playback/{stream}}; then, through the playback proxy {@code GET /api/record/object/{mpd_path}}
 * with a per-stream subscribe JWT: ffprobe's duration, the video frames ffmpeg decodes, and dash.js in headless
 * Chromium playing past 5 s. A token for another stream is 403 on the same URL.
 */
class RecordPlaybackIT {
    private static final String ADMIN = "it-admin-token-record-playback";
    private static final String JWT_SECRET = "it-jwt-secret-record-playback-0123456789";
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final Duration RECORD_FOR = Duration.ofSeconds(20);
    private static final int FPS = 30;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    @TempDir
    Path dir;

    @Test
    void filesystemRecordingPlaysThroughTheProxy() throws Exception {
        String storage = "[recorder.storage]\ntype = \"fs\"\nroot = \"" + dir.resolve("store") + "\"\n";
        recordAndPlay("fsplay", storage, storage);
    }

    /**
     * S3 (s3proxy): played through the proxying control plane, then read through a second control plane over the
     * same bucket with {@code [playback] signed_redirect}: the manifest is proxied (players resolve segment URLs
     * against it), a segment is a 307 to a presigned URL that answers without the token.
     */
    @Test
    void s3RecordingPlaysThroughTheProxyAndThroughPresignedRedirects() throws Exception {
        try (RestartableS3 s3 = new RestartableS3(Files.createDirectories(dir.resolve("s3")), ControlPlaneProcess.freePort())) {
            s3.start();
            Recording recording = recordAndPlay("s3play", s3.toml(), s3.toml());
            Path redirectingDir = Files.createDirectories(dir.resolve("cp-redirect"));
            try (ControlPlaneProcess redirecting = ControlPlaneProcess.start(ControlPlaneProcess.freePort(), redirectingDir,
                    authToml() + s3.toml() + "[playback]\nsigned_redirect = true\nsigned_ttl_seconds = 300\n")) {
                String day = recording.mpdPath.substring(0, recording.mpdPath.lastIndexOf('/'));
                HttpResponse<String> mpd = call(redirecting, "GET", "/api/record/object/" + recording.mpdPath, recording.token);
                assertEquals(200, mpd.statusCode(), "the manifest is proxied");
                assertTrue(mpd.body().contains("type=\"static\""), mpd.body());
                HttpResponse<String> init = call(redirecting, "GET", "/api/record/object/" + day + "/video/init-p0.mp4",
                        recording.token);
                assertEquals(307, init.statusCode(), init.body());
                String location = init.headers().firstValue("Location").orElseThrow();
                assertTrue(location.startsWith(s3.endpoint() + "/"), location);
                assertEquals(200, send(HttpRequest.newBuilder(URI.create(location))).statusCode(), "the presigned URL");
                // ?token= (no header to pass on to S3): the manifest's segment URLs carry the token, a segment read with it
                // is the same 307, and the presigned URL holds nothing of ours.
                String objects = redirecting.url + "/api/record/object/";
                HttpResponse<String> byQuery = send(HttpRequest.newBuilder(URI.create(objects + recording.mpdPath
                        + "?token=" + recording.token)));
                assertEquals(200, byQuery.statusCode(), byQuery.body());
                assertTrue(byQuery.body().contains("init-p0.mp4?token=" + recording.token), byQuery.body());
                HttpResponse<String> initByQuery = send(HttpRequest.newBuilder(URI.create(objects + day
                        + "/video/init-p0.mp4?token=" + recording.token)));
                assertEquals(307, initByQuery.statusCode(), initByQuery.body());
                String presigned = initByQuery.headers().firstValue("Location").orElseThrow();
                assertFalse(presigned.contains(recording.token.substring(recording.token.lastIndexOf('.') + 1)), presigned);
                assertEquals(200, send(HttpRequest.newBuilder(URI.create(presigned))).statusCode(), "the presigned URL");
            }
        }
    }

    /** A finished recording, indexed and stored. */
    private record Recording(String mpdPath, String token) {
    }

    private static String authToml() {
        return "[auth]\nsecret = \"" + JWT_SECRET + "\"\ntokens = [\"" + ADMIN + "\"]\n";
    }

    private Recording recordAndPlay(String stream, String agentStorage, String cpStorage) throws Exception {
        int cpPort = ControlPlaneProcess.freePort();
        Path cpDir = Files.createDirectories(dir.resolve("cp"));
        String cpToml = authToml() + cpStorage;
        String agentToml = "[recorder]\nspool = \"" + dir.resolve("spool") + "\"\n" + agentStorage + """
                [cluster]
                control_plane = "http://127.0.0.1:%d"
                alias = "rec-agent"
                secret = "%s"
                token = "%s"
                heartbeat_interval = 1
                """.formatted(cpPort, ControlPlaneProcess.CLUSTER_SECRET, ADMIN);
        try (ControlPlaneProcess cp = ControlPlaneProcess.start(cpPort, cpDir, cpToml);
             TestAgent agent = TestAgent.start(agentToml)) {
            try {
                Waits.until(() -> call(cp, "GET", "/api/nodes", ADMIN).body().contains("\"online\":true"),
                        Duration.ofSeconds(30), "rec-agent online");
                return recordAndPlay(cp, stream);
            } catch (AssertionError | RuntimeException e) {
                System.out.println("--- control-plane.log ---\n" + Files.readString(cp.log));
                throw e;
            }
        }
    }

    private Recording recordAndPlay(ControlPlaneProcess cp, String stream) throws Exception {
        WhipClient publisher = WhipClient.start(PublishSource.test(VideoCodec.H264).withVideo(320, 240, FPS, 300),
                new HttpSdpExchange(URI.create(cp.url + "/whip/" + stream), Optional.of(ADMIN), TIMEOUT), List.of(), TIMEOUT);
        JsonNode stopped;
        String mpdPath;
        try {
            assertTrue(publisher.awaitConnected(TIMEOUT), "publisher connected through the control plane");
            // The control plane knows the publisher from the agent's next heartbeat.
            Waits.until(() -> call(cp, "POST", "/api/record/" + stream, ADMIN).statusCode() == 201,
                    TIMEOUT, "POST /api/record/" + stream + " on the control plane → 201");
            Thread.sleep(RECORD_FOR.toMillis());
            HttpResponse<String> stop = call(cp, "DELETE", "/api/record/" + stream, ADMIN);
            assertEquals(200, stop.statusCode(), stop.body());
            stopped = JSON.readTree(stop.body());
            assertEquals("FINISHED", stopped.path("state").asText(), stop.body());
            Waits.until(() -> json(call(cp, "GET", "/api/record/" + stream, ADMIN)).path("pending_uploads").asLong(-1) == 0,
                    Duration.ofSeconds(60), "every file in storage");
            HttpResponse<String> index = waitForIndexRow(cp, stream);
            mpdPath = json(index).path("items").path(0).path("mpd_path").asText();
            assertEquals(stopped.path("manifest_path").asText(), mpdPath, index.body());
        } finally {
            publisher.close();
        }
        double recorded = stopped.path("recorded_ms").asLong() / 1000.0;
        assertEquals(RECORD_FOR.toSeconds(), recorded, 2.0, "recorded_ms of a 20 s recording: " + stopped);

        String url = cp.url + "/api/record/object/" + mpdPath;
        String subscribe = mint(cp, stream, 4);
        assertEquals(403, call(cp, "GET", "/api/record/object/" + mpdPath, mint(cp, "other-" + stream, 4)).statusCode(),
                "a subscribe token for another stream");
        assertEquals(401, call(cp, "GET", "/api/record/object/" + mpdPath, null).statusCode(), "no token");
        HttpResponse<String> manifest = call(cp, "GET", "/api/record/object/" + mpdPath, subscribe);
        assertEquals(200, manifest.statusCode(), manifest.body());
        assertTrue(manifest.body().contains("type=\"static\""), "the final manifest is in storage: " + manifest.body());

        double probed = Players.ffprobeDuration(url, subscribe);
        long decoded = Players.ffmpegDecodedVideoFrames(url, subscribe);
        // From recorded_ms: ffmpeg 5.1's dash demuxer reads the MPD's duration in whole seconds only.
        long expected = Math.round(FPS * recorded);
        System.out.printf("RecordPlaybackIT %s: recorded %.3f s, ffprobe %.3f s, ffmpeg decoded %d of %d video frames"
                + " (%.1f %%)%n", stream, recorded, probed, decoded, expected, 100.0 * decoded / expected);
        assertEquals(recorded, probed, 1.0, "ffprobe's duration vs recorded_ms");
        assertTrue(decoded >= 0.95 * expected, "decoded " + decoded + " of " + expected + " video frames");
        assertPlayed(dashPlay(url, subscribe, stream));
        // A player that sends no header (a <video> tag given a URL): the token only in the manifest's URL; the proxy
        // writes it into the manifest's segment URLs. A fresh token, so that the log check below is about this one.
        String queryToken = mint(cp, stream, 4);
        assertPlayed(dashPlay(url + "?token=" + queryToken, null, stream + " with ?token= only"));
        assertFalse(Files.readString(cp.log).contains(queryToken.substring(queryToken.lastIndexOf('.') + 1)),
                "the query token's signature is in the control plane's log");
        return new Recording(mpdPath, subscribe);
    }

    /** dash-play.mjs (with the token as a header, or none: null) until the media time passes 5 s; prints what it reached and how long it took. */
    private static JsonNode dashPlay(String mpdUrl, String token, String what) throws Exception {
        long t0 = System.nanoTime();
        JsonNode played;
        List<String> args = new ArrayList<>(List.of(mpdUrl, "--until", "5", "--duration", "40"));
        if (token != null) {
            args.addAll(List.of("--token", token));
        }
        try (Peer dash = Peer.start("dash-play.mjs", args.toArray(String[]::new))) {
            played = dash.result(Duration.ofSeconds(70));
        }
        System.out.printf("RecordPlaybackIT %s: dash.js currentTime %.2f s, %d ms after the player started (Chromium's"
                + " start included): %s%n", what, played.path("current_time_s").asDouble(),
                (System.nanoTime() - t0) / 1_000_000, played);
        return played;
    }

    private static void assertPlayed(JsonNode played) {
        assertTrue(played.path("errors").isArray() && played.path("errors").isEmpty(), "dash.js errors: " + played);
        assertTrue(played.path("current_time_s").asDouble() > 5, "dash.js currentTime: " + played);
    }

    private HttpResponse<String> waitForIndexRow(ControlPlaneProcess cp, String stream) throws InterruptedException {
        HttpResponse<String>[] last = new HttpResponse[1];
        Waits.until(() -> {
            last[0] = call(cp, "GET", "/api/playback/" + stream + "?page=0", ADMIN); // our page object (opt-in)
            return last[0].statusCode() == 200 && json(last[0]).path("items").size() > 0;
        }, Duration.ofSeconds(30), "the recordings row on the control plane");
        return last[0];
    }

    /** A JWT from the control plane's {@code POST /api/token}: {@code mode} 4 = subscribe, for {@code stream}. */
    private String mint(ControlPlaneProcess cp, String stream, int mode) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(cp.url + "/api/token"))
                .header("Authorization", "Bearer " + ADMIN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"" + stream + "\",\"mode\":" + mode + ",\"duration\":600}")));
        assertEquals(200, r.statusCode(), r.body());
        return json(r).path("token").asText();
    }

    private HttpResponse<String> call(ControlPlaneProcess cp, String method, String path, String token) {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(cp.url + path)).method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        return send(r);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }
}
