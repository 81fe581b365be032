package dev.castmesh.agent.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.castmesh.gst.client.VideoCodec;
import dev.castmesh.gst.client.WhipClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.castmesh.agent.it.RecordApiIT.JSON;
import static dev.castmesh.agent.it.RecordApiIT.assertError;
import static dev.castmesh.agent.it.RecordApiIT.call;
import static dev.castmesh.agent.it.RecordApiIT.recorderToml;
import static dev.castmesh.agent.it.RecordApiIT.run;
import static dev.castmesh.agent.it.RecordApiIT.segments;
import static dev.castmesh.agent.it.RecordApiIT.spoolIsStorage;
import static dev.castmesh.agent.it.RecordApiIT.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10 finding 9 on a real agent, real GStreamer and a real small file system: the spool is a 48 MB tmpfs
 * ({@code mount -t tmpfs}, needs root: the test fails without it) with {@code [recorder] min_free_mb = 24}. While
 * a real H.264 publish is recorded the test fills the tmpfs to under the floor: the recording stops by itself as
 * {@code OUT_OF_SPACE} with a message naming the key, its manifest is static and plays in ffprobe, no {@code .part}
 * is left, and a new recording is refused (507). Once space returns, recording again continues the numbering
 * without a gap.
 */
class SpoolFullIT {
    @TempDir
    Path dir;

    @Test
    void aFullSpoolStopsTheRecordingCleanlyAndNumberingContinuesAfterwards() throws Exception {
        Path spool = Files.createDirectories(dir.resolve("spool"));
        RecordApiIT.run(List.of("mount", "-t", "tmpfs", "-o", "size=48m", "tmpfs", spool.toString()));
        try (TestAgent agent = TestAgent.start(recorderToml(spool, "min_free_mb = 24\n") + spoolIsStorage(spool));
             WhipClient publisher = agent.publish("cam", VideoCodec.H264, Optional.empty())) {
            assertEquals(201, call(agent, "POST", "/api/record/cam", null).statusCode());
            Waits.until(() -> segments(agent, "cam") >= 3, Duration.ofSeconds(30), "3 segments");

            Path filler = dir.resolve("spool/filler");
            long free = Files.getFileStore(spool).getUsableSpace();
            try (RandomAccessFile f = new RandomAccessFile(filler.toFile(), "rw")) {
                byte[] block = new byte[1 << 20];
                for (long left = free - 23L * (1 << 20); left > 0; left -= block.length) {
                    f.write(block, 0, (int) Math.min(block.length, left));
                }
            }
            System.out.println("spool free after filling: " + Files.getFileStore(spool).getUsableSpace() / 1024 + " KB");
            Waits.until(() -> "OUT_OF_SPACE".equals(stateOf(agent)), Duration.ofSeconds(15), "the recording to stop");
            JsonNode stopped = state(agent, "cam");
            System.out.println("stopped: " + stopped);
            assertFalse(stopped.path("recording").asBoolean(), stopped.toString());
            assertTrue(stopped.path("error").asText().contains("[recorder] min_free_mb"), stopped.toString());
            Path mpd = spool.resolve(stopped.path("manifest_path").asText());
            assertTrue(Files.readString(mpd).contains("type=\"static\""), "static MPD");
            assertNoPartFiles(spool);
            // what was written before the floor plays: at least one whole 2 s segment
            probe(mpd, 2);
            assertError(call(agent, "POST", "/api/record/cam", null), 507, "[recorder] min_free_mb");

            Files.delete(filler);
            assertEquals(201, call(agent, "POST", "/api/record/cam", null).statusCode());
            Waits.until(() -> segments(agent, "cam") >= 2, Duration.ofSeconds(30), "2 more segments");
            HttpResponse<String> end = call(agent, "DELETE", "/api/record/cam", null);
            assertEquals("FINISHED", JSON.readTree(end.body()).path("state").asText(), end.body());

            String manifest = Files.readString(mpd);
            assertTrue(manifest.contains("id=\"p1\""), "a second Period: " + manifest);
            for (String track : List.of("video", "audio")) {
                TreeSet<Long> numbers = numbers(mpd.resolveSibling(track));
                System.out.println(track + " segments on disk: " + numbers);
                assertEquals(numbers.last() - numbers.first() + 1, numbers.size(), track + " numbering has a gap: " + numbers);
                assertEquals(1L, numbers.first());
            }
            assertNoPartFiles(spool);
            double seconds = probe(mpd, 4);
            System.out.println("ffprobe duration of the day: " + seconds + " s");
        } finally {
            run(List.of("umount", "-l", spool.toString()));
        }
    }

    private static String stateOf(TestAgent agent) {
        try {
            return state(agent, "cam").path("state").asText();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static double probe(Path mpd, double atLeastSeconds) throws Exception {
        double seconds = Double.parseDouble(run(List.of("ffprobe", "-v", "error", "-show_entries", "format=duration",
                "-of", "csv=p=0", mpd.toString())).strip());
        assertTrue(seconds >= atLeastSeconds, "ffprobe duration " + seconds + " (at least " + atLeastSeconds + ")");
        return seconds;
    }

    private static TreeSet<Long> numbers(Path track) throws Exception {
        try (Stream<Path> files = Files.list(track)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("seg-\\d+\\.m4s"))
                    .map(n -> Long.parseLong(n.substring(4, n.length() - 4))).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static void assertNoPartFiles(Path spool) throws Exception {
        try (Stream<Path> files = Files.walk(spool)) {
            List<Path> parts = files.filter(p -> p.getFileName().toString().endsWith(".part")).toList();
            assertEquals(List.of(), parts);
        }
    }
}
