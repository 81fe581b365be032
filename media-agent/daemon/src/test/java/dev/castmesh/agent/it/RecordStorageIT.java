package dev.castmesh.agent.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.castmesh.gst.client.VideoCodec;
import dev.castmesh.gst.client.WhipClient;
import dev.castmesh.storage.ObjectStore;
import dev.castmesh.storage.ObjectStores;
import dev.castmesh.storage.S3ProxyServer;
import dev.castmesh.storage.StorageConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

import static dev.castmesh.agent.it.RecordApiIT.JSON;
import static dev.castmesh.agent.it.RecordApiIT.call;
import static dev.castmesh.agent.it.RecordApiIT.segments;
import static dev.castmesh.agent.it.RecordApiIT.state;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Recording uploads from the spool to real storage (a filesystem root; s3proxy): every segment the manifest lists
 * arrives, through a storage outage and through an agent restart with uploads pending; the spool keeps only
 * each track's highest segment and the manifest.
 */
class RecordStorageIT {
    @TempDir
    Path dir;

    private String agentToml(String storageToml) {
        return RecordApiIT.recorderToml(dir.resolve("spool"), "") + storageToml;
    }

    /** Records {@code stream} until it has {@code segments} segments; returns the day key of its manifest. */
    private static String recordSome(TestAgent agent, String stream, int segments) throws Exception {
        HttpResponse<String> started = call(agent, "POST", "/api/record/" + stream, null);
        assertEquals(201, started.statusCode(), started.body());
        Waits.until(() -> segments(agent, stream) >= segments, Duration.ofSeconds(40), segments + " segments");
        String mpd = JSON.readTree(started.body()).path("manifest_path").asText();
        return mpd.substring(0, mpd.lastIndexOf('/'));
    }

    private static JsonNode stop(TestAgent agent, String stream) throws Exception {
        HttpResponse<String> stopped = call(agent, "DELETE", "/api/record/" + stream, null);
        assertEquals(200, stopped.statusCode(), stopped.body());
        return JSON.readTree(stopped.body());
    }

    private static void awaitUploaded(TestAgent agent, String stream) throws InterruptedException {
        Waits.until(() -> {
            try {
                return state(agent, stream).path("pending_uploads").asLong() == 0;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }, Duration.ofSeconds(60), "no pending uploads");
    }

    private void assertSpoolKeepsOnlyTheHighestSegments(String dayKey) throws Exception {
        Path day = dir.resolve("spool").resolve(dayKey);
        assertTrue(Files.exists(day.resolve("manifest.mpd")), "the day's manifest stays in the spool");
        for (String track : new String[]{"video", "audio"}) {
            try (Stream<Path> files = Files.list(day.resolve(track))) {
                assertEquals(1, files.filter(p -> p.getFileName().toString().startsWith("seg-")).count(),
                        track + ": only the highest segment stays in the spool");
            }
        }
    }

    @Test
    void filesystemStorageReceivesEverySegment() throws Exception {
        Path store = dir.resolve("store");
        try (TestAgent agent = TestAgent.start(agentToml("[recorder.storage]\ntype = \"fs\"\nroot = \"" + store + "\"\n"));
             ObjectStore objects = ObjectStores.open(StorageConfig.fs(store.toString()))) {
            WhipClient publisher = agent.publish("fscam", VideoCodec.H264, Optional.empty());
            try {
                String day = recordSome(agent, "fscam", 6);
                double recorded = stop(agent, "fscam").path("recorded_ms").asLong() / 1000.0;
                awaitUploaded(agent, "fscam");
                assertTrue(StoredRecording.assertComplete(objects, day) >= 6);
                assertArrayEquals(Files.readAllBytes(dir.resolve("spool").resolve(day).resolve("manifest.mpd")),
                        Files.readAllBytes(store.resolve(day).resolve("manifest.mpd")), "the stored manifest is the last one");
                assertSpoolKeepsOnlyTheHighestSegments(day);
                double seconds = Double.parseDouble(RecordApiIT.run(java.util.List.of("ffprobe", "-v", "error",
                        "-show_entries", "format=duration", "-of", "csv=p=0",
                        store.resolve(day).resolve("manifest.mpd").toString())).strip());
                assertEquals(recorded, seconds, 1.0, "ffprobe reads the stored recording (s) vs recorded_ms");
            } finally {
                publisher.close();
            }
        }
    }

    @Test
    void anS3OutageDuringRecordingLosesNothing() throws Exception {
        try (RestartableS3 s3 = new RestartableS3(dir.resolve("s3"), ControlPlaneProcess.freePort());
             TestAgent agent = TestAgent.start(agentToml(s3.toml()))) {
            s3.start();
            WhipClient publisher = agent.publish("s3cam", VideoCodec.H264, Optional.empty());
            try {
                String day = recordSome(agent, "s3cam", 4);
                s3.stop();
                long before = segments(agent, "s3cam");
                Waits.until(() -> segments(agent, "s3cam") >= before + 6, Duration.ofSeconds(40), "segments during the outage");
                assertTrue(state(agent, "s3cam").path("pending_uploads").asLong() >= 4, "uploads wait during the outage");
                String metrics = agent.send(agent.request("/metrics").GET()).body();
                assertTrue(metrics.contains("castmesh_agent_recordings 1.0"), "recordings gauge");
                assertTrue(metrics.matches("(?s).*castmesh_agent_recording_uploads_pending [1-9][0-9]*\\.0.*"),
                        "pending uploads gauge");
                s3.start();
                Waits.until(() -> segments(agent, "s3cam") >= before + 8, Duration.ofSeconds(40), "segments after the outage");
                stop(agent, "s3cam");
                awaitUploaded(agent, "s3cam");
                try (ObjectStore objects = ObjectStores.open(storage(s3))) {
                    assertTrue(StoredRecording.assertComplete(objects, day) >= 8);
                }
                assertSpoolKeepsOnlyTheHighestSegments(day);
            } finally {
                publisher.close();
            }
        }
    }

    @Test
    void uploadsPendingAtAnAgentRestartComplete() throws Exception {
        try (RestartableS3 s3 = new RestartableS3(dir.resolve("s3"), ControlPlaneProcess.freePort())) {
            String day;
            try (TestAgent agent = TestAgent.start(agentToml(s3.toml()))) {
                WhipClient publisher = agent.publish("restartcam", VideoCodec.H264, Optional.empty());
                try {
                    day = recordSome(agent, "restartcam", 6);
                    stop(agent, "restartcam");
                    assertTrue(state(agent, "restartcam").path("pending_uploads").asLong() >= 6, "storage was never up");
                } finally {
                    publisher.close();
                }
            }
            s3.start();
            try (TestAgent agent = TestAgent.start(agentToml(s3.toml()));
                 ObjectStore objects = ObjectStores.open(storage(s3))) {
                Waits.until(() -> {
                    try {
                        return objects.head(day + "/manifest.mpd").isPresent();
                    } catch (Exception e) {
                        return false;
                    }
                }, Duration.ofSeconds(60), "the restarted agent's uploads");
                assertTrue(StoredRecording.assertComplete(objects, day) >= 6);
                assertSpoolKeepsOnlyTheHighestSegments(day);
            }
        }
    }

    @Test
    void aSecondAgentRecordingTheSameDayAppendsAPeriodInsteadOfOverwriting() throws Exception {
        Path store = dir.resolve("store");
        String storageToml = "[recorder.storage]\ntype = \"fs\"\nroot = \"" + store + "\"\n";
        String day = null;
        int first = 0;
        for (String spool : new String[]{"spool-a", "spool-b"}) {
            String toml = RecordApiIT.recorderToml(dir.resolve(spool), "") + storageToml;
            try (TestAgent agent = TestAgent.start(toml);
                 ObjectStore objects = ObjectStores.open(StorageConfig.fs(store.toString()))) {
                WhipClient publisher = agent.publish("twice", VideoCodec.H264, Optional.empty());
                try {
                    day = recordSome(agent, "twice", 4);
                    stop(agent, "twice");
                    awaitUploaded(agent, "twice");
                    int stored = StoredRecording.assertComplete(objects, day);
                    assertTrue(stored > first, "the second recording added segments: " + first + " → " + stored);
                    first = stored;
                } finally {
                    publisher.close();
                }
            }
        }
        String mpd = Files.readString(store.resolve(day).resolve("manifest.mpd"));
        assertTrue(mpd.contains("id=\"p0\"") && mpd.contains("id=\"p1\""), "two periods: " + mpd);
        assertTrue(Files.exists(store.resolve(day).resolve("video/init-p1.mp4")), "the second period's init segment");
    }

    private static StorageConfig storage(RestartableS3 s3) {
        return StorageConfig.s3(RestartableS3.BUCKET, "rec", S3ProxyServer.REGION, s3.endpoint(), S3ProxyServer.ACCESS_KEY,
                S3ProxyServer.SECRET_KEY);
    }
}
