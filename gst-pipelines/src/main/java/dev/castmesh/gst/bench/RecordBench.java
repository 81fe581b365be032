package dev.castmesh.gst.bench;

import dev.castmesh.gst.client.PublishSource;
import dev.castmesh.gst.client.SdpExchange;
import dev.castmesh.gst.client.VideoCodec;
import dev.castmesh.gst.client.WhipClient;
import dev.castmesh.gst.hub.EngineOptions;
import dev.castmesh.gst.hub.MediaEngine;
import dev.castmesh.gst.record.RecordingHandle;
import dev.castmesh.gst.record.RecordingListener;
import dev.castmesh.gst.record.RecordingOptions;
import dev.castmesh.gst.record.RecordingSnapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * CPU of recording one H.264 stream (about 2 Mbit/s) + Opus, from {@code /proc/self}: the whole process
 * without and with the recording branch, and the recording branch's own threads (GStreamer names its
 * streaming threads after their pads: {@code record-N-…}). Also the time from a segment's end (in media
 * time, mapped to the wall clock at the recording's start) to its file being complete.
 * Usage: {@code RecordBench [seconds per window, default 20] [kbps, default 2000] [media file]}; the test
 * picture compresses far below 2 Mbit/s, so pass a noisy clip (e.g. ffmpeg {@code testsrc2,noise=alls=30:allf=t})
 * to really send 2 Mbit/s.
 */
public final class RecordBench {
    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux
    private static final Pattern S = Pattern.compile("<S t=\"(\\d+)\" d=\"(\\d+)\"/>");
    private static final Pattern SCALE = Pattern.compile("contentType=\"video\".*?timescale=\"(\\d+)\"", Pattern.DOTALL);

    private RecordBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int kbps = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        Path root = Files.createTempDirectory("record-bench");
        try (MediaEngine engine = MediaEngine.start(EngineOptions.defaults())) {
            PublishSource source = (args.length > 2 ? PublishSource.file(Path.of(args[2]), VideoCodec.H264)
                    : PublishSource.test(VideoCodec.H264)).withVideo(1280, 720, 30, kbps);
            WhipClient publisher = WhipClient.start(source, exchange(engine), List.of(), Duration.ofSeconds(10));
            if (!publisher.awaitConnected(Duration.ofSeconds(10))) {
                throw new IllegalStateException("publisher did not connect");
            }
            Thread.sleep(3_000);
            long cpu0 = processTicks();
            long wall0 = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            double without = percent(processTicks() - cpu0, System.nanoTime() - wall0);

            Map<String, Long> completed = new ConcurrentHashMap<>();
            RecordingListener listener = new RecordingListener() {
                @Override
                public void onSegment(Path file) {
                    completed.put(file.getFileName().toString() + "@" + file.getParent().getFileName(), System.nanoTime());
                }
            };
            long start = System.nanoTime();
            RecordingHandle rec = engine.startRecording("bench", RecordingOptions.of(root, Duration.ofSeconds(4)), listener);
            Thread.sleep(1_000);
            long cpu1 = processTicks();
            long rec1 = threadTicks("record-");
            long wall1 = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            long wallSpan = System.nanoTime() - wall1;
            double with = percent(processTicks() - cpu1, wallSpan);
            double branch = percent(threadTicks("record-") - rec1, wallSpan);
            RecordingSnapshot last = rec.stop().get(10, TimeUnit.SECONDS);
            publisher.close();
            String mpd = Files.readString(last.manifest());
            double mbps = last.bytes() * 8.0 / Math.max(1, last.recordedMillis()) / 1000.0;
            System.out.printf("recorded %d ms, %d segments, %.2f Mbit/s (video+audio), %d bytes%n",
                    last.recordedMillis(), last.segments(), mbps, last.bytes());
            System.out.printf("process CPU without recording: %.1f %% of a core; with: %.1f %%; delta %.1f %%%n",
                    without, with, with - without);
            System.out.printf("recording threads (queue, depayloader, parser, mp4mux, appsink, segment writes): %.2f %% of a core%n",
                    branch);
            latencies(mpd, completed, start);
        }
    }

    /** Segment end (media time since the recording started) → file complete, per video segment. */
    private static void latencies(String mpd, Map<String, Long> completed, long start) {
        Matcher scale = SCALE.matcher(mpd);
        if (!scale.find()) {
            return;
        }
        long ts = Long.parseLong(scale.group(1));
        String video = mpd.substring(mpd.indexOf("contentType=\"video\""), mpd.indexOf("</AdaptationSet>",
                mpd.indexOf("contentType=\"video\"")));
        Matcher m = S.matcher(video);
        List<Long> millis = new ArrayList<>();
        int n = 1;
        while (m.find()) {
            long end = Long.parseLong(m.group(1)) + Long.parseLong(m.group(2));
            Long done = completed.get("seg-" + n++ + ".m4s@video");
            if (done != null) {
                millis.add((done - start) / 1_000_000 - end * 1000 / ts);
            }
        }
        System.out.println("segment end → file complete (ms, per video segment; the last one is cut by stop): " + millis);
    }

    private static SdpExchange exchange(MediaEngine engine) {
        return new SdpExchange() {
            private volatile String session;

            @Override
            public String exchange(String offerSdp) {
                var answer = engine.publish("bench", offerSdp);
                session = answer.sessionId();
                return answer.sdp();
            }

            @Override
            public void terminate() {
                if (session != null) {
                    engine.endSession("bench", session);
                }
            }
        };
    }

    private static double percent(long ticks, long nanos) {
        return 100.0 * ticks / TICKS_PER_SECOND / (nanos / 1e9);
    }

    private static long processTicks() throws IOException {
        return ticks(Files.readString(Path.of("/proc/self/stat")));
    }

    /** utime + stime of the threads whose name starts with {@code prefix}. */
    private static long threadTicks(String prefix) throws IOException {
        long sum = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (comm.startsWith(prefix)) {
                        sum += ticks(stat);
                    }
                } catch (IOException gone) {
                    // the thread ended
                }
            }
        }
        return sum;
    }

    private static long ticks(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
