package dev.castmesh.agent.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.castmesh.gst.client.VideoCodec;
import dev.castmesh.gst.client.WhipClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static dev.castmesh.agent.it.RecordApiIT.call;
import static dev.castmesh.agent.it.RecordApiIT.recorderToml;
import static dev.castmesh.agent.it.RecordApiIT.run;
import static dev.castmesh.agent.it.RecordApiIT.segments;
import static dev.castmesh.agent.it.RecordApiIT.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10 finding 12: the same agent spool, a new {@code [recorder.storage]} root on the same day. A real agent
 * records real H.264 into storage A (the spool keeps only each track's highest segment once they are stored), is
 * restarted with storage B and records the stream again: B's manifest names only what B holds (one Period that
 * ffprobe plays), A is untouched, and the spool's old day state is set aside, not deleted.
 */
class StorageChangeIT {
    @TempDir
    Path dir;

    private static String storage(Path root) {
        return "[recorder.storage]\ntype = \"fs\"\nroot = \"" + root + "\"\n";
    }

    private static String record(Path spool, Path storageRoot) throws Exception {
        try (TestAgent agent = TestAgent.start(recorderToml(spool, "") + storage(storageRoot));
             WhipClient publisher = agent.publish("cam", VideoCodec.H264, Optional.empty())) {
            assertEquals(201, call(agent, "POST", "/api/record/cam", null).statusCode());
            Waits.until(() -> segments(agent, "cam") >= 6, Duration.ofSeconds(30), "6 segments");
            assertEquals(200, call(agent, "DELETE", "/api/record/cam", null).statusCode());
            Waits.until(() -> pending(agent) == 0, Duration.ofSeconds(20), "every file in storage");
            return state(agent, "cam").path("manifest_path").asText();
        }
    }

    private static long pending(TestAgent agent) {
        try {
            JsonNode s = state(agent, "cam");
            return s.path("pending_uploads").asLong();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aNewStorageRootGetsACleanDayNeverAManifestNamingSegmentsElsewhere() throws Exception {
        Path spool = dir.resolve("spool");
        Path a = dir.resolve("storage-a");
        Path b = dir.resolve("storage-b");
        String key = record(spool, a);
        String manifestA = Files.readString(a.resolve(key));
        assertTrue(probe(a.resolve(key)) >= 4);

        assertEquals(key, record(spool, b));
        String manifestB = Files.readString(b.resolve(key));
        System.out.println("storage B manifest periods: " + manifestB.split("<Period", -1).length + " - 1");
        assertFalse(manifestB.contains("id=\"p1\""), "B's manifest has only the Period B holds: " + manifestB);
        double seconds = probe(b.resolve(key));
        System.out.println("storage B: ffprobe duration " + seconds + " s");
        assertTrue(seconds >= 4, "ffprobe duration " + seconds);
        assertEquals(manifestA, Files.readString(a.resolve(key)), "storage A is left as it was");
        assertTrue(Files.isDirectory(spool.resolve(".detached")), "the old day state is set aside");
    }

    private static double probe(Path mpd) throws Exception {
        return Double.parseDouble(run(List.of("ffprobe", "-v", "error", "-show_entries", "format=duration", "-of",
                "csv=p=0", mpd.toString())).strip());
    }
}
