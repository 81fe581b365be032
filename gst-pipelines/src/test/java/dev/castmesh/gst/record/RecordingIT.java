package dev.castmesh.gst.record;

import dev.castmesh.gst.client.VideoCodec;
import dev.castmesh.gst.client.WhipClient;
import dev.castmesh.gst.hub.EngineOptions;
import dev.castmesh.gst.hub.MediaEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Records a live H.264 + Opus publish into MPEG-DASH and reads it back with ffprobe and ffmpeg; a
 * restart on the same day appends a period; the publisher leaving finishes the recording; VP8 is refused.
 */
class RecordingIT {
    private static final Duration TARGET = Duration.ofSeconds(4);
    private static MediaEngine engine;

    @TempDir
    Path root;

    @BeforeAll
    static void start() {
        engine = MediaEngine.start(EngineOptions.defaults());
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void records20SecondsThenAppendsAPeriodAndFinishesWhenThePublisherLeaves() throws Exception {
        List<Path> announced = new CopyOnWriteArrayList<>();
        List<String> manifests = new CopyOnWriteArrayList<>();
        RecordingListener listener = new RecordingListener() {
            @Override
            public void onSegment(Path file) {
                announced.add(file);
            }

            @Override
            public void onManifest(Path mpd, java.time.LocalDate day, boolean finished) {
                manifests.add(finished ? "static" : "dynamic");
            }
        };
        RecordingSnapshot first;
        RecordingSnapshot second;
        Map<String, Long> firstFiles;
        try (WhipClient publisher = EnginePublisher.publish(engine, "rec/h264", VideoCodec.H264)) {
            Thread.sleep(1_500); // frames queued while ICE connected arrive in a burst: not part of the 20 s
            RecordingHandle rec = engine.startRecording("rec/h264", RecordingOptions.of(root, TARGET), listener);
            Thread.sleep(20_500);
            first = rec.stop().get(10, TimeUnit.SECONDS);
            firstFiles = files(first.manifest().getParent());
            assertFirstRecording(first, announced, manifests);

            RecordingHandle again = engine.startRecording("rec/h264", RecordingOptions.of(root, TARGET), listener);
            Thread.sleep(5_000);
            publisher.close(); // the publisher leaves: the recording must finish by itself
            second = again.finished().get(10, TimeUnit.SECONDS);
        }
        System.out.println("second recording: " + second);
        assertEquals(RecordingState.FINISHED, second.state());
        assertEquals("p1", second.periodId());
        Path mpd = second.manifest();
        String xml = Files.readString(mpd);
        System.out.println(xml);
        assertTrue(xml.contains("type=\"static\""), "static MPD after the publisher left");
        List<ManifestPeriod> periods = MpdReader.periods(xml);
        assertEquals(List.of("p0", "p1"), periods.stream().map(ManifestPeriod::id).toList());
        assertEquals(periods.get(0).end(), periods.get(1).start(), "periods follow each other");
        Map<String, Long> now = files(mpd.getParent());
        firstFiles.forEach((name, size) -> {
            if (!name.equals(DayLayout.MANIFEST)) {
                assertEquals(size, now.get(name), name + " kept as it was");
            }
        });
        TrackTimeline video1 = periods.get(1).tracks().get(0);
        assertEquals(periods.get(0).tracks().get(0).startNumber() + periods.get(0).tracks().get(0).segments().size(),
                video1.startNumber(), "numbering continues");
        assertTrue(periods.get(1).length().toMillis() >= 4_000, "second period " + periods.get(1).length());
        // ffprobe reports mediaPresentationDuration (both periods); ffmpeg 5.1's dashdec then plays only the
        // longest period, dash.js plays them in sequence
        assertTrue(Probe.duration(mpd) >= 24, "ffprobe reads the two-period MPD");
        assertKeyframeAligned(mpd.resolveSibling("video"), "init-p1.mp4", video1);
    }

    @Test
    void refusesVp8WithAMessageThatSaysWhatToDo() throws Exception {
        try (WhipClient publisher = EnginePublisher.publish(engine, "rec/vp8", VideoCodec.VP8)) {
            RecordingUnsupportedException e = assertThrows(RecordingUnsupportedException.class,
                    () -> engine.startRecording("rec/vp8", RecordingOptions.of(root, TARGET), RecordingListener.NONE));
            System.out.println("VP8: " + e.getMessage());
            assertTrue(e.getMessage().contains("publish H.264 to record"), e.getMessage());
            assertEquals("recording_unsupported", e.code());
            assertTrue(engine.recording("rec/vp8").isEmpty());
            assertTrue(engine.stream("rec/vp8").isPresent(), "the stream itself is untouched");
        }
        assertFalse(Files.exists(root.resolve("rec/vp8")), "nothing written");
    }

    private void assertFirstRecording(RecordingSnapshot last, List<Path> announced, List<String> manifests)
            throws Exception {
        System.out.println("first recording: " + last);
        assertEquals(RecordingState.FINISHED, last.state());
        assertEquals("rec/h264/" + last.day().toString().replace('-', '/') + "/manifest.mpd", last.manifestPath());
        Path mpd = last.manifest();
        String xml = Files.readString(mpd);
        System.out.println(xml);
        assertTrue(xml.contains("type=\"static\""), "static MPD");
        assertTrue(xml.contains("codecs=\"avc1.42") && xml.contains("codecs=\"opus\""), "codecs strings");
        assertEquals("static", manifests.get(manifests.size() - 1));
        assertTrue(manifests.contains("dynamic"), "dynamic while recording");
        double ffprobe = Probe.duration(mpd);
        long frames = Probe.decodedVideoFrames(mpd);
        long expected = 20L * EnginePublisher.FPS;
        System.out.printf("ffprobe duration %.1f s (MPD %d ms), ffmpeg decoded %d video frames of %d sent in 20 s%n",
                ffprobe, last.recordedMillis(), frames, expected);
        assertEquals(List.of("h264", "opus"), Probe.codecs(mpd));
        assertTrue(Math.abs(ffprobe - 20) <= 1.0, "ffprobe duration " + ffprobe);
        assertTrue(Math.abs(last.recordedMillis() - 20_000) <= 1_000, "recorded " + last.recordedMillis() + " ms");
        assertTrue(frames >= 0.95 * expected, "decoded frames " + frames);
        ManifestPeriod period = MpdReader.periods(xml).get(0);
        TrackTimeline video = period.tracks().get(0);
        for (TrackTimeline.Entry s : video.segments().subList(0, video.segments().size() - 1)) {
            double seconds = (double) s.d() / video.timescale();
            assertTrue(seconds >= 3.4 && seconds <= 6.1, "video segment of " + seconds + " s for a 4 s target");
        }
        assertKeyframeAligned(mpd.resolveSibling("video"), "init-p0.mp4", video);
        long onDisk = files(mpd.getParent()).keySet().stream().filter(n -> !n.equals(DayLayout.MANIFEST)).count();
        Thread.sleep(200); // listener calls run on the pool
        assertEquals(onDisk, announced.stream().distinct().count(), "every file announced once");
    }

    /** Every video segment of the period starts with a key frame, according to ffprobe. */
    private void assertKeyframeAligned(Path videoDir, String init, TrackTimeline video) throws Exception {
        for (int i = 0; i < video.segments().size(); i++) {
            Path seg = videoDir.resolve("seg-" + (video.startNumber() + i) + ".m4s");
            assertTrue(Probe.startsWithKeyframe(videoDir.resolve(init), seg, root), seg + " starts with a key frame");
        }
        System.out.println(video.segments().size() + " video segments of " + init + ", each starting with a key frame");
    }

    /** Relative path → size of every file under a day directory. */
    private static Map<String, Long> files(Path dir) throws IOException {
        Map<String, Long> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString(), Files.size(p));
            }
        }
        return out;
    }
}
