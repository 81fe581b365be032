package dev.castmesh.agent.recording;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The uploader against a fake storage that can be switched off: order, outage, retention, restart. */
class SpoolUploaderTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 21);
    private static final Clock SAME_DAY = Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC);
    private static final Clock NEXT_DAY = Clock.fixed(Instant.parse("2026-11-22T00:00:05Z"), ZoneOffset.UTC);

    @TempDir
    Path root;

    /** In-memory storage; {@code up = false} makes every call fail like an unreachable server. */
    static final class FakeSink implements ObjectSink {
        final Map<String, byte[]> objects = new ConcurrentHashMap<>();
        final List<String> order = java.util.Collections.synchronizedList(new ArrayList<>());
        volatile boolean up = true;

        @Override
        public void put(String key, Path file) throws IOException {
            put(key, Files.readAllBytes(file));
        }

        @Override
        public void put(String key, byte[] bytes) throws IOException {
            if (!up) {
                throw new IOException("storage down");
            }
            objects.put(key, bytes.clone());
            order.add(key);
        }

        @Override
        public Optional<byte[]> get(String key) throws IOException {
            if (!up) {
                throw new IOException("storage down");
            }
            return Optional.ofNullable(objects.get(key));
        }

        @Override
        public List<String> list(String prefix) throws IOException {
            if (!up) {
                throw new IOException("storage down");
            }
            return objects.keySet().stream().filter(k -> k.startsWith(prefix)).sorted().toList();
        }
    }

    private Path day() {
        return root.resolve("cam/2026/11/21");
    }

    private void write(String relative, String content) throws IOException {
        Path p = day().resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    private SpoolUploader uploader(FakeSink sink, Clock clock, boolean beingWritten) {
        IndexOutbox outbox = new IndexOutbox(root, null, Optional.empty(), new ObjectMapper());
        return new SpoolUploader(root, sink, outbox, (s, d) -> beingWritten, clock);
    }

    static void until(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void uploadsSegmentsBeforeTheManifestAndKeepsTheHighestSegmentLocally() throws Exception {
        FakeSink sink = new FakeSink();
        write("video/init-p0.mp4", "init");
        write("video/seg-2.m4s", "s2");
        write("video/seg-1.m4s", "s1");
        write("audio/seg-1.m4s", "a1");
        write("manifest.mpd", "<MPD/>");
        write("video/seg-3.m4s.part", "being written");
        try (SpoolUploader u = uploader(sink, SAME_DAY, true)) {
            u.dirty(day());
            until(() -> sink.objects.containsKey("cam/2026/11/21/manifest.mpd") && u.idle(), "the manifest");
            assertEquals("cam/2026/11/21/manifest.mpd", sink.order.get(sink.order.size() - 1), "manifest last");
            assertEquals("cam/2026/11/21/video/init-p0.mp4", sink.order.get(0), "init first");
            assertEquals(5, sink.objects.size(), sink.order.toString());
            assertFalse(sink.objects.containsKey("cam/2026/11/21/video/seg-3.m4s.part"));
            assertFalse(Files.exists(day().resolve("video/seg-1.m4s")), "uploaded lower segment removed");
            assertFalse(Files.exists(day().resolve("video/init-p0.mp4")), "uploaded init removed");
            assertTrue(Files.exists(day().resolve("video/seg-2.m4s")), "highest video segment kept");
            assertTrue(Files.exists(day().resolve("audio/seg-1.m4s")), "highest audio segment kept");
            assertTrue(Files.exists(day().resolve("manifest.mpd")), "manifest kept");
            assertEquals(0, u.pending("cam"));
        }
    }

    @Test
    void anOutageDelaysUploadsAndLosesNothing() throws Exception {
        FakeSink sink = new FakeSink();
        sink.up = false;
        try (SpoolUploader u = uploader(sink, SAME_DAY, true)) {
            for (int i = 1; i <= 5; i++) {
                write("video/seg-" + i + ".m4s", "s" + i);
                write("manifest.mpd", "<MPD n=\"" + i + "\"/>");
                u.dirty(day());
            }
            Thread.sleep(1500);
            assertTrue(sink.objects.isEmpty());
            until(() -> u.pending("cam") == 6, "6 pending files (5 segments and the manifest)");
            assertTrue(Files.exists(day().resolve("video/seg-1.m4s")), "nothing removed while storage is down");
            sink.up = true;
            until(() -> sink.objects.size() == 6 && u.idle(), "every file after the outage");
            assertArrayEquals("<MPD n=\"5\"/>".getBytes(), sink.objects.get("cam/2026/11/21/manifest.mpd"));
        }
    }

    @Test
    void aRestartUploadsWhatThePreviousRunLeftAndNothingTwice() throws Exception {
        FakeSink first = new FakeSink();
        write("video/seg-1.m4s", "s1");
        write("manifest.mpd", "<MPD/>");
        try (SpoolUploader u = uploader(first, SAME_DAY, true)) {
            u.dirty(day());
            until(() -> first.objects.size() == 2 && u.idle(), "the first run's uploads");
        }
        write("video/seg-2.m4s", "s2");
        FakeSink second = new FakeSink();
        try (SpoolUploader u = uploader(second, SAME_DAY, false)) {
            u.rescan();
            until(() -> second.objects.containsKey("cam/2026/11/21/video/seg-2.m4s") && u.idle(), "the left-over segment");
            assertEquals(List.of("cam/2026/11/21/video/seg-2.m4s"), second.order, "seg-1 and the manifest were already stored");
        }
    }

    @Test
    void aPastDayIsRemovedOnceStoredButNotWhileARecordingWritesIt() throws Exception {
        FakeSink sink = new FakeSink();
        write("video/seg-1.m4s", "s1");
        write("manifest.mpd", "<MPD/>");
        try (SpoolUploader u = uploader(sink, NEXT_DAY, true)) {
            u.dirty(day());
            until(() -> sink.objects.size() == 2 && u.idle(), "uploads");
            assertTrue(Files.exists(day().resolve("manifest.mpd")), "kept while a recording writes that day");
        }
        try (SpoolUploader u = uploader(sink, NEXT_DAY, false)) {
            u.rescan();
            until(() -> !Files.exists(root.resolve("cam")), "the stored past day and its empty parents removed");
        }
    }

    @Test
    void aDayStoredByAnotherAgentIsContinuedNotOverwritten() throws Exception {
        FakeSink sink = new FakeSink();
        sink.objects.put("cam/2026/11/21/manifest.mpd", "<MPD other/>".getBytes());
        sink.objects.put("cam/2026/11/21/video/seg-1.m4s", "v1".getBytes());
        sink.objects.put("cam/2026/11/21/video/seg-12.m4s", "v12".getBytes());
        sink.objects.put("cam/2026/11/21/audio/seg-9.m4s", "a9".getBytes());
        try (SpoolUploader u = uploader(sink, SAME_DAY, true)) {
            u.adoptStoredDay("cam", DAY, Duration.ofSeconds(5));
            assertEquals("<MPD other/>", Files.readString(day().resolve("manifest.mpd")));
            assertEquals("v12", Files.readString(day().resolve("video/seg-12.m4s")), "highest video segment fetched");
            assertEquals("a9", Files.readString(day().resolve("audio/seg-9.m4s")), "highest audio segment fetched");
            assertFalse(Files.exists(day().resolve("video/seg-1.m4s")));
            assertEquals(0, u.pending("cam"), "adopted files count as stored");
            sink.order.clear();
            write("video/seg-13.m4s", "v13");
            write("manifest.mpd", "<MPD other+mine/>");
            u.dirty(day());
            until(() -> sink.order.size() == 2 && u.idle(), "the new segment and manifest");
            assertEquals(List.of("cam/2026/11/21/video/seg-13.m4s", "cam/2026/11/21/manifest.mpd"), sink.order);
            assertArrayEquals("v1".getBytes(), sink.objects.get("cam/2026/11/21/video/seg-1.m4s"), "stored segments untouched");
        }
    }

    @Test
    void unreachableStorageDoesNotBlockAStartForLong() {
        FakeSink sink = new FakeSink();
        sink.up = false;
        try (SpoolUploader u = uploader(sink, SAME_DAY, true)) {
            long t0 = System.nanoTime();
            u.adoptStoredDay("cam", DAY, Duration.ofSeconds(5));
            assertTrue(System.nanoTime() - t0 < 5_000_000_000L);
            assertFalse(Files.exists(day().resolve("manifest.mpd")));
        }
    }

    @Test
    void removableKeepsEachTracksHighestSegment() {
        List<SpoolDay.MediaFile> files = List.of(
                new SpoolDay.MediaFile("video/init-p0.mp4", null, "video", true, 0),
                new SpoolDay.MediaFile("video/seg-7.m4s", null, "video", false, 7),
                new SpoolDay.MediaFile("video/seg-8.m4s", null, "video", false, 8),
                new SpoolDay.MediaFile("audio/seg-3.m4s", null, "audio", false, 3));
        assertEquals(List.of("video/init-p0.mp4", "video/seg-7.m4s"),
                SpoolDay.removable(files).stream().map(SpoolDay.MediaFile::relative).toList());
    }
}
