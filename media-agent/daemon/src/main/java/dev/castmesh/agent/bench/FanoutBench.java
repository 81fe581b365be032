package dev.castmesh.agent.bench;

import dev.castmesh.gst.client.HttpSdpExchange;
import dev.castmesh.gst.client.PublishSource;
import dev.castmesh.gst.client.VideoCodec;
import dev.castmesh.gst.client.WhepClient;
import dev.castmesh.gst.client.WhepOptions;
import dev.castmesh.gst.client.WhipClient;

import java.io.IOException;
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
import java.util.concurrent.TimeUnit;

/**
 * {@code ./castmesh bench fanout [--steps 0,10,25,50,100] [--window S]}: the agent's own CPU, memory and threads
 * per viewer of a 1 Mbit/s VP8 stream.
 *
 * <p>Method: the agent runs as its own process (the jar this class is in, a temporary config on 127.0.0.1);
 * this process is the load generator: one WHIP publisher (640x360, 30 fps, VP8 at 1000 kbit/s, Opus) and N WHEP
 * viewers. The picture is {@code videotestsrc pattern=snow} pre-rendered to a file (noise: the encoder always
 * reaches its target, whereas the moving-ball test pattern only needs about 175 kbit/s), then re-encoded in real
 * time by the publisher. The N WHEP viewers that write what they receive to files in a temporary directory (no decoding, so the
 * generator stays light). At each step the viewers are added, the agent settles for 5 s, and its CPU time
 * (utime + stime from /proc/PID/stat, all threads) is sampled over the window. Viewers per core =
 * 100 % / (marginal CPU % per viewer between the first and the last step).
 */
public final class FanoutBench {
    private FanoutBench() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> steps = List.of(0, 10, 25, 50, 100);
        int window = 10;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--steps" -> steps = java.util.Arrays.stream(args[++i].split(",")).map(Integer::parseInt).toList();
                case "--window" -> window = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("usage: bench fanout [--steps 0,10,25,50,100] [--window SECONDS]");
                    System.exit(2);
                }
            }
        }
        Path dir = Files.createTempDirectory("castmesh-bench-");
        int port = 17000 + (int) (ProcessHandle.current().pid() % 1000);
        Path config = dir.resolve("agent.toml");
        int maxSteps = steps.stream().mapToInt(Integer::intValue).max().orElse(0);
        Files.writeString(config, "[http]\nlisten = \"127.0.0.1:" + port + "\"\n[strategy]\neach_stream_max_sub = "
                + Math.max(1, maxSteps) + "\nmax_viewers = " + Math.max(1, maxSteps) + "\n");
        Path source = dir.resolve("snow.mkv");
        int seconds = steps.size() * (window + 50) + 30;
        // The file publisher needs an audio track as well as the video.
        Process render = new ProcessBuilder("gst-launch-1.0", "-q", "-e", "matroskamux", "name=mux", "!", "filesink",
                "location=" + source, "videotestsrc", "pattern=snow", "num-buffers=" + seconds * 30, "!",
                "video/x-raw,width=64,height=36,framerate=30/1", "!", "x264enc", "speed-preset=ultrafast", "bitrate=6000",
                "!", "h264parse", "!", "queue", "!", "mux.", "audiotestsrc", "num-buffers=" + seconds * 48000 / 1024, "!",
                "audioconvert", "!", "opusenc", "!", "queue", "!", "mux.").inheritIO().start();
        if (!render.waitFor(5, TimeUnit.MINUTES) || render.exitValue() != 0) {
            throw new IllegalStateException("could not render the bench source with gst-launch-1.0");
        }
        String jar = Path.of(FanoutBench.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        Process agent = new ProcessBuilder("java", "-jar", jar, "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("agent.log").toFile()).start();
        List<WhepClient> viewers = new ArrayList<>();
        WhipClient publisher = null;
        try {
            String base = "http://127.0.0.1:" + port;
            awaitHealth(base);
            ProcessSampler sampler = new ProcessSampler(agent.pid());
            Duration timeout = Duration.ofSeconds(30);
            publisher = WhipClient.start(PublishSource.file(source, VideoCodec.VP8).withVideo(640, 360, 30, 1000),
                    new HttpSdpExchange(URI.create(base + "/whip/bench"), Optional.empty(), timeout), List.of(), timeout);
            if (!publisher.awaitConnected(timeout)) {
                throw new IllegalStateException("publisher did not connect");
            }
            System.out.println("viewers | agent CPU % of one core | RSS MiB | threads | in kbit/s | out kbit/s");
            List<double[]> rows = new ArrayList<>();
            for (int n : steps) {
                while (viewers.size() < n) {
                    Path file = dir.resolve("viewer-" + viewers.size() + ".mkv");
                    viewers.add(WhepClient.start(new HttpSdpExchange(URI.create(base + "/whep/bench"), Optional.empty(), timeout),
                            WhepOptions.decode().withVideoCodecs(List.of(VideoCodec.VP8)).withRecording(file).withTimeout(timeout)));
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (viewers.stream().anyMatch(v -> v.videoFrames() == 0) && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                long silent = viewers.stream().filter(v -> v.videoFrames() == 0).count();
                Thread.sleep(5000);
                double cpu0 = sampler.cpuSeconds();
                long t0 = System.nanoTime();
                Thread.sleep(window * 1000L);
                double cpu = (sampler.cpuSeconds() - cpu0) / ((System.nanoTime() - t0) / 1e9) * 100;
                double rss = sampler.rssKiB() / 1024.0;
                int threads = sampler.threads();
                rows.add(new double[] {n, cpu, rss, threads});
                String stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/streams/bench")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                System.out.printf("%7d | %23.1f | %7.1f | %7d | %9d | %10d%s%n", n, cpu, rss, threads,
                        number(stream, "bitrateInBps") / 1000, number(stream, "bitrateOutBps") / 1000,
                        silent > 0 ? "   (" + silent + " viewers received nothing)" : "");
            }
            if (rows.size() >= 2) {
                double[] first = rows.get(0);
                double[] last = rows.get(rows.size() - 1);
                double perViewer = (last[1] - first[1]) / (last[0] - first[0]);
                System.out.printf("per viewer: %.2f %% of a core (%.0f viewers per core), %.2f MiB RSS, %.1f threads%n",
                        perViewer, 100 / perViewer, (last[2] - first[2]) / (last[0] - first[0]),
                        (last[3] - first[3]) / (last[0] - first[0]));
            }
        } finally {
            // Closing finishes each recording (EOS, up to a few seconds each): close them all at once.
            viewers.parallelStream().forEach(WhepClient::close);
            if (publisher != null) {
                publisher.close();
            }
            agent.destroy();
            if (!agent.waitFor(10, TimeUnit.SECONDS)) {
                agent.destroyForcibly();
            }
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(0);
    }

    private static long number(String json, String field) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
        long last = 0;
        while (m.find()) {
            last = Long.parseLong(m.group(1));
        }
        return last;
    }

    private static void awaitHealth(String base) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 300; i++) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the agent did not answer /health within 30 s");
    }
}
