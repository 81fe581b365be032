package dev.castmesh.gst.record;

import dev.castmesh.gst.sdp.MediaKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordingWriterTest {
    private static final int VTS = Fmp4Fixtures.VIDEO_TIMESCALE;
    private static final int ATS = Fmp4Fixtures.AUDIO_TIMESCALE;

    @TempDir
    Path root;

    private final List<String> events = new ArrayList<>();
    private final RecordingListener listener = new RecordingListener() {
        @Override
        public void onSegment(Path file) {
            events.add("file " + root.relativize(file));
        }

        @Override
        public void onManifest(Path mpd, LocalDate day, boolean finished) {
            events.add((finished ? "static " : "dynamic ") + day);
        }
    };

    @Test
    void crossingUtcMidnightFinishesTheDayAndOpensTheNext() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-20T23:59:52Z"));
        RecordingWriter w = writer(clock);
        w.init(MediaKind.VIDEO, TrackInit.parse(Fmp4Fixtures.videoInit()));
        w.segment(MediaKind.VIDEO, videoSegment(0, 4));
        clock.advance(Duration.ofSeconds(4));
        w.segment(MediaKind.VIDEO, videoSegment(4, 4));
        clock.advance(Duration.ofSeconds(4)); // 00:00:00 on the 21st
        w.segment(MediaKind.VIDEO, videoSegment(8, 4));
        w.finish();

        Path day1 = root.resolve("live/cam/2026/11/20");
        Path day2 = root.resolve("live/cam/2026/11/21");
        List<ManifestPeriod> first = MpdReader.periods(Files.readString(day1.resolve("manifest.mpd")));
        List<ManifestPeriod> second = MpdReader.periods(Files.readString(day2.resolve("manifest.mpd")));
        assertTrue(Files.readString(day1.resolve("manifest.mpd")).contains("type=\"static\""));
        assertTrue(Files.readString(day2.resolve("manifest.mpd")).contains("type=\"static\""));
        assertEquals(Duration.ofSeconds(8), first.get(0).length());
        assertEquals(Duration.ofSeconds(4), second.get(0).length());
        TrackTimeline next = second.get(0).tracks().get(0);
        assertEquals(1, next.startNumber(), "numbering starts again in the new day's directory");
        assertEquals(8L * VTS, next.presentationTimeOffset(), "the new day's period starts at its first segment");
        assertTrue(Files.exists(day2.resolve("video/init-p0.mp4")), "init copied into the new day");
        assertTrue(Files.exists(day2.resolve("video/seg-1.m4s")));
        assertTrue(events.indexOf("static 2026-11-20") < events.indexOf("file live/cam/2026/11/21/video/seg-1.m4s"));
        assertEquals("static 2026-11-21", events.get(events.size() - 1));
        assertEquals(LocalDate.parse("2026-11-21"), w.snapshot(RecordingState.FINISHED, clock.instant(),
                Optional.empty(), Optional.empty()).day());
        assertEquals(12_000, w.snapshot(RecordingState.FINISHED, clock.instant(), Optional.empty(), Optional.empty())
                .recordedMillis());
    }

    @Test
    void aRestartOnTheSameDayAppendsAPeriodAndOverwritesNothing() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
        RecordingWriter w1 = writer(clock);
        w1.init(MediaKind.VIDEO, TrackInit.parse(Fmp4Fixtures.videoInit()));
        w1.init(MediaKind.AUDIO, TrackInit.parse(Fmp4Fixtures.audioInit()));
        w1.segment(MediaKind.VIDEO, videoSegment(0, 4));
        w1.segment(MediaKind.AUDIO, audioSegment(0, 4));
        w1.segment(MediaKind.VIDEO, videoSegment(4, 2));
        w1.finish();
        Path day = root.resolve("live/cam/2026/11/20");
        byte[] seg1 = Files.readAllBytes(day.resolve("video/seg-1.m4s"));

        clock.advance(Duration.ofMinutes(5));
        RecordingWriter w2 = writer(clock);
        w2.init(MediaKind.VIDEO, TrackInit.parse(Fmp4Fixtures.videoInit()));
        w2.segment(MediaKind.VIDEO, videoSegment(0, 4));
        w2.finish();

        List<ManifestPeriod> periods = MpdReader.periods(Files.readString(day.resolve("manifest.mpd")));
        assertEquals(List.of("p0", "p1"), periods.stream().map(ManifestPeriod::id).toList());
        assertEquals(Duration.ofSeconds(6), periods.get(1).start(), "p1 starts where p0 ends (its longest track)");
        assertEquals(2, periods.get(0).tracks().size(), "p0 kept its audio");
        assertEquals(3, periods.get(1).tracks().get(0).startNumber());
        assertEquals("video/init-p1.mp4", periods.get(1).tracks().get(0).initialization());
        assertArrayEquals(seg1, Files.readAllBytes(day.resolve("video/seg-1.m4s")));
        assertTrue(Files.exists(day.resolve("video/seg-3.m4s")));
        assertTrue(Files.exists(day.resolve("video/init-p0.mp4")) && Files.exists(day.resolve("video/init-p1.mp4")));
    }

    @Test
    void tracksShareTheRunningTimeOfTheFirstBuffers() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
        RecordingWriter w = writer(clock);
        w.init(MediaKind.VIDEO, TrackInit.parse(Fmp4Fixtures.videoInit()));
        w.init(MediaKind.AUDIO, TrackInit.parse(Fmp4Fixtures.audioInit()));
        w.firstBuffer(MediaKind.AUDIO, 1_000_000_000L);
        w.firstBuffer(MediaKind.VIDEO, 1_250_000_000L);
        w.segment(MediaKind.AUDIO, audioSegment(0, 4));
        w.segment(MediaKind.VIDEO, videoSegment(0, 4));
        w.finish();
        Path day = root.resolve("live/cam/2026/11/20");
        ManifestPeriod p = MpdReader.periods(Files.readString(day.resolve("manifest.mpd"))).get(0);
        TrackTimeline video = p.tracks().get(0);
        TrackTimeline audio = p.tracks().get(1);
        assertEquals(VTS / 4, video.segments().get(0).t(), "video moved by 250 ms");
        assertEquals(0, audio.segments().get(0).t());
        assertEquals(VTS / 4, video.presentationTimeOffset(), "period starts where both tracks have media");
        assertEquals(ATS / 4, audio.presentationTimeOffset());
        Fragment onDisk = Fragment.parse(Files.readAllBytes(day.resolve("video/seg-1.m4s")), 0);
        assertEquals(VTS / 4, onDisk.decodeTime(), "tfdt rewritten in the file");
    }

    @Test
    void anUnreadableManifestIsMovedAsideNotOverwritten() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
        Path day = root.resolve("live/cam/2026/11/20");
        Files.createDirectories(day);
        Files.writeString(day.resolve("manifest.mpd"), "<MPD");
        RecordingWriter w = writer(clock);
        w.init(MediaKind.VIDEO, TrackInit.parse(Fmp4Fixtures.videoInit()));
        w.segment(MediaKind.VIDEO, videoSegment(0, 4));
        try (var files = Files.list(day)) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith("manifest.mpd.unreadable-")));
        }
        assertTrue(Files.readString(day.resolve("manifest.mpd")).contains("type=\"dynamic\""));
    }

    /** Issue 10 finding 9: a failed segment write takes no number, so the manifest keeps naming the files on disk. */
    @Test
    void aFailedWriteTakesNoNumberAndLeavesNoPartFile() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
        RecordingWriter w = writer(clock);
        w.init(MediaKind.VIDEO, TrackInit.parse(Fmp4Fixtures.videoInit()));
        w.segment(MediaKind.VIDEO, videoSegment(0, 4));
        Path video = root.resolve("live/cam/2026/11/20/video");
        Path blocker = Files.createDirectories(video.resolve("seg-2.m4s").resolve("blocker")); // the rename fails
        assertThrows(java.io.UncheckedIOException.class, () -> w.segment(MediaKind.VIDEO, videoSegment(4, 4)));
        assertFalse(Files.exists(video.resolve("seg-2.m4s.part")), "the failed write's .part is removed");
        Files.delete(blocker);
        Files.delete(blocker.getParent());
        w.segment(MediaKind.VIDEO, videoSegment(8, 4));
        w.finish();
        assertTrue(Files.exists(video.resolve("seg-2.m4s")), "the next segment takes the number the failed one did not");
        assertFalse(Files.exists(video.resolve("seg-3.m4s")));
        TrackTimeline t = MpdReader.periods(Files.readString(video.resolveSibling("manifest.mpd"))).get(0).tracks().get(0);
        assertEquals(1, t.startNumber());
        assertEquals(List.of(0L, 8L * VTS), t.segments().stream().map(TrackTimeline.Entry::t).toList(),
                "two segments listed (seg-1, seg-2), with the lost 4 s as a gap in time, not in numbering");
    }

    @Test
    void partFilesLeftByACrashAreRemovedWhenTheDayOpens() throws Exception {
        Path video = Files.createDirectories(root.resolve("live/cam/2026/11/20/video"));
        Files.write(video.resolve("seg-7.m4s.part"), new byte[100]);
        Files.write(video.resolve("seg-6.m4s"), new byte[100]);
        writer(new MutableClock(Instant.parse("2026-11-20T10:00:00Z")));
        assertFalse(Files.exists(video.resolve("seg-7.m4s.part")));
        assertTrue(Files.exists(video.resolve("seg-6.m4s")));
    }

    @Test
    void belowTheFreeSpaceFloorNoSegmentIsWrittenFromThenOn() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
        RecordingWriter w = new RecordingWriter("live/cam", new RecordingOptions(root, Duration.ofSeconds(4), clock,
                Files.getFileStore(root).getUsableSpace() * 2), listener, Runnable::run);
        w.init(MediaKind.VIDEO, TrackInit.parse(Fmp4Fixtures.videoInit()));
        SpoolFullException full = assertThrows(SpoolFullException.class, () -> w.segment(MediaKind.VIDEO, videoSegment(0, 4)));
        assertTrue(full.getMessage().contains("([recorder] min_free_mb)"), full.getMessage());
        assertFalse(Files.exists(root.resolve("live/cam/2026/11/20/video/seg-1.m4s")));
        assertThrows(SpoolFullException.class, () -> w.segment(MediaKind.VIDEO, videoSegment(4, 4)));
    }

    @Test
    void streamNamesCannotEscapeTheRoot() {
        assertTrue(DayLayout.isValid("live/cam-1_a.b"));
        for (String bad : List.of("../x", "live/../x", "/abs", "a//b", "a/", "a\\b", "", "a/./b", "c:d")) {
            assertFalse(DayLayout.isValid(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> writer(new MutableClock(Instant.EPOCH), "../etc"));
        assertEquals("live/cam/2026/01/02/manifest.mpd", DayLayout.manifestPath("live/cam", LocalDate.of(2026, 1, 2)));
    }

    private RecordingWriter writer(MutableClock clock) {
        return writer(clock, "live/cam");
    }

    private RecordingWriter writer(MutableClock clock, String stream) {
        return new RecordingWriter(stream, new RecordingOptions(root, Duration.ofSeconds(4), clock, 0), listener, Runnable::run);
    }

    private static Segment videoSegment(long startSeconds, long seconds) {
        byte[] bytes = Fmp4Fixtures.fragment(1, startSeconds * VTS, (int) seconds * 30, VTS / 30, true);
        return new Segment(List.of(Fragment.parse(bytes, 0)), startSeconds * VTS, seconds * VTS, true);
    }

    private static Segment audioSegment(long startSeconds, long seconds) {
        byte[] bytes = Fmp4Fixtures.fragment(1, startSeconds * ATS, (int) seconds * 50, ATS / 50, true);
        return new Segment(List.of(Fragment.parse(bytes, 0)), startSeconds * ATS, seconds * ATS, true);
    }
}
