package dev.castmesh.agent.bench;

import dev.castmesh.agent.MediaAgent;
import dev.castmesh.agent.config.AgentConfig;
import dev.castmesh.gst.client.HttpSdpExchange;
import dev.castmesh.gst.client.PublishSource;
import dev.castmesh.gst.client.VideoCodec;
import dev.castmesh.gst.client.WhipClient;
import dev.castmesh.server.config.TomlConfigLoader;
import dev.castmesh.storage.ObjectStore;
import dev.castmesh.storage.ObjectStores;
import dev.castmesh.storage.S3ProxyServer;
import dev.castmesh.storage.StorageConfig;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code ./castmesh bench record}: a real agent (in this JVM) records a WHIP-published H.264 720p + Opus stream with
 * 2 s segments into its spool and uploads to a filesystem store and to s3proxy (in this JVM). Prints, per storage:
 * the time from a video segment being complete in the spool (inotify) to the object being readable in storage
 * (polled every 10 ms), median and p90; and the CPU of the recording (the {@code record-*} GStreamer threads and the
 * {@code castmesh-upload} thread, from /proc/self/task), per recorded stream, with its real bitrate.
 * Usage: {@code RecordUploadBench [--seconds N (30)] [--storage fs|s3|both] [--kbps K (2000)] [--source FILE]}.
 */
public final class RecordUploadBench {
    private static final long TICKS_PER_SECOND = 100;

    private RecordUploadBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = 30;
        int kbps = 2000;
        String storage = "both";
        Path source = null;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--kbps" -> kbps = Integer.parseInt(args[i + 1]);
                case "--storage" -> storage = args[i + 1];
                case "--source" -> source = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (!storage.equals("s3")) {
            run("fs", seconds, kbps, source);
        }
        if (!storage.equals("fs")) {
            run("s3", seconds, kbps, source);
        }
        System.exit(0);
    }

    private static void run(String kind, int seconds, int kbps, Path source) throws Exception {
        Path dir = Files.createTempDirectory("record-bench-" + kind);
        S3ProxyServer s3 = kind.equals("s3") ? S3ProxyServer.start(dir.resolve("s3"), "bench") : null;
        StorageConfig storage = s3 == null ? StorageConfig.fs(dir.resolve("store").toString()) : s3.config("bench", "rec");
        String storageToml = s3 == null ? "type = \"fs\"\nroot = \"" + dir.resolve("store") + "\"\n" : """
                type = "s3"
                bucket = "bench"
                root = "rec"
                region = "%s"
                endpoint = "%s"
                access_key_id = "%s"
                secret_access_key = "%s"
                """.formatted(S3ProxyServer.REGION, s3.endpoint(), S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY);
        Path spool = dir.resolve("spool");
        AgentConfig config = new TomlConfigLoader().parse("""
                [http]
                listen = "127.0.0.1:0"
                [recorder]
                spool = "%s"
                segment_duration = 2
                [recorder.storage]
                """.formatted(spool) + storageToml, AgentConfig.class);
        ApplicationContext agent = MediaAgent.start(config);
        String url = "http://127.0.0.1:" + agent.getBean(EmbeddedServer.class).getPort();
        HttpClient http = HttpClient.newHttpClient();
        PublishSource src = (source == null ? PublishSource.test(VideoCodec.H264) : PublishSource.file(source, VideoCodec.H264))
                .withVideo(1280, 720, 30, kbps);
        WhipClient publisher = WhipClient.start(src, new HttpSdpExchange(URI.create(url + "/whip/bench"), Optional.empty(),
                Duration.ofSeconds(10)), List.of(), Duration.ofSeconds(10));
        if (!publisher.awaitConnected(Duration.ofSeconds(10))) {
            throw new IllegalStateException("publisher did not connect");
        }
        Thread.sleep(2000);
        String day = "bench/" + LocalDate.now(ZoneOffset.UTC).toString().replace('-', '/');
        Path videoDir = spool.resolve(day).resolve("video");
        Map<Long, Long> complete = new ConcurrentHashMap<>();
        Map<Long, Long> stored = new ConcurrentHashMap<>();
        send(http, "POST", url + "/api/record/bench");
        long startNanos = System.nanoTime();
        while (!Files.isDirectory(videoDir) && System.nanoTime() - startNanos < 10_000_000_000L) {
            Thread.sleep(5);
        }
        Thread watcher = watch(videoDir, complete);
        long cpu0 = recordingTicks();
        long wall0 = System.nanoTime();
        try (ObjectStore objects = ObjectStores.open(storage)) {
            long next = 2; // the first segment may be written before the watch is in place
            long deadline = System.nanoTime() + seconds * 1_000_000_000L;
            while (System.nanoTime() < deadline) {
                if (objects.head(day + "/video/seg-" + next + ".m4s").isPresent()) {
                    stored.put(next++, System.nanoTime());
                    continue;
                }
                Thread.sleep(10);
            }
            long cpu = recordingTicks() - cpu0;
            long wall = System.nanoTime() - wall0;
            String state = send(http, "DELETE", url + "/api/record/bench");
            watcher.interrupt();
            List<Long> millis = new ArrayList<>();
            for (Map.Entry<Long, Long> e : stored.entrySet()) {
                Long done = complete.get(e.getKey());
                if (done != null) {
                    millis.add(Math.max(0, (e.getValue() - done) / 1_000_000));
                }
            }
            Collections.sort(millis);
            long bytes = Long.parseLong(state.replaceAll(".*\"bytes\":(\\d+).*", "$1"));
            long recordedMs = Long.parseLong(state.replaceAll(".*\"recorded_ms\":(\\d+).*", "$1"));
            System.out.printf("%s: %d video segments of ~2 s; segment complete in the spool → readable in storage: "
                            + "median %d ms, p90 %d ms, max %d ms%n", kind, millis.size(), pct(millis, 50), pct(millis, 90),
                    millis.isEmpty() ? -1 : millis.get(millis.size() - 1));
            System.out.printf("%s: recording CPU (record-* GStreamer threads + castmesh-upload) %.2f %% of a core for one"
                            + " stream of %.2f Mbit/s (video+audio, measured)%n", kind,
                    100.0 * cpu / TICKS_PER_SECOND / (wall / 1e9), bytes * 8.0 / Math.max(1, recordedMs) / 1000.0);
        } finally {
            publisher.close();
            agent.close();
            if (s3 != null) {
                s3.close();
            }
        }
    }

    private static long pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /** Records when each {@code seg-N.m4s} appears (the recorder renames a complete file into place). */
    private static Thread watch(Path dir, Map<Long, Long> complete) throws IOException {
        WatchService ws = FileSystems.getDefault().newWatchService();
        dir.register(ws, StandardWatchEventKinds.ENTRY_CREATE);
        Thread t = new Thread(() -> {
            try (ws) {
                while (true) {
                    WatchKey key = ws.take();
                    long now = System.nanoTime();
                    for (WatchEvent<?> e : key.pollEvents()) {
                        String name = String.valueOf(e.context());
                        if (name.matches("seg-\\d+\\.m4s")) {
                            complete.putIfAbsent(Long.parseLong(name.substring(4, name.length() - 4)), now);
                        }
                    }
                    key.reset();
                }
            } catch (InterruptedException | IOException | RuntimeException e) {
                // done
            }
        }, "bench-watch");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static String send(HttpClient http, String method, String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).method(method,
                HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + url + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    /** utime + stime of the recording's threads. */
    private static long recordingTicks() throws IOException {
        long sum = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (comm.startsWith("record-") || comm.startsWith("castmesh-upload")) {
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        sum += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                } catch (IOException gone) {
                    // the thread ended
                }
            }
        }
        return sum;
    }
}
