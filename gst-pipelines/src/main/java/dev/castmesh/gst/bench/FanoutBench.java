package dev.castmesh.gst.bench;

import dev.castmesh.gst.runtime.GstRuntime;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code ./castmesh bench fanout}: one VP8 publisher into a running agent, then 0, 10, 25, 50, 100 WHEP viewers
 * from this process. At each step, once every viewer receives media, the AGENT process's own CPU (utime +
 * stime from /proc/PID/stat over a window), RSS and thread count (/proc/PID/status) are sampled, and every
 * viewer's received bytes over the same window. Per-viewer costs are the slopes of least-squares fits over
 * the steps.
 */
public final class FanoutBench {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final String USAGE = "FanoutBench --agent http://HOST:PORT --pid AGENT_PID"
            + " [--viewers 0,10,25,50,100] [--window S] [--settle S] [--kbps N] [--batch N] [--stream NAME] [--token T]";
    private static final Duration ALL_RECEIVING = Duration.ofSeconds(120);

    private record Step(int viewers, double cpuPercent, double rssMb, int threads, double minKbps, double medianKbps,
                        double benchCpuPercent) {
    }

    private FanoutBench() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    static int run(String[] args, PrintStream out) {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("agent", "");
        defaults.put("pid", "");
        defaults.put("stream", "bench-fanout");
        defaults.put("viewers", "0,10,25,50,100");
        defaults.put("window", "20");
        defaults.put("settle", "5");
        defaults.put("kbps", "1000");
        defaults.put("batch", "10");
        defaults.put("token", "-");
        return BenchMain.run(args, out, defaults, a -> {
            a.text("agent");
            a.integer("pid");
        }, USAGE, "bench fanout", FanoutBench::measure);
    }

    private static int measure(BenchArgs a, PrintStream out) throws Exception {
        GstRuntime.ensureStarted();
        long pid = a.integer("pid");
        String base = a.baseUrl("agent");
        Optional<String> token = a.token();
        URI whip = URI.create(base + "/whip/" + a.text("stream"));
        URI whep = URI.create(base + "/whep/" + a.text("stream"));
        Duration window = Duration.ofSeconds(a.integer("window"));
        List<Integer> steps = new ArrayList<>(a.integers("viewers"));
        Collections.sort(steps);
        List<BenchViewer> viewers = new ArrayList<>();
        List<Step> results = new ArrayList<>();
        ExecutorService joiners = Executors.newFixedThreadPool(Math.max(1, a.integer("batch")));
        try (BenchPublisher publisher = BenchPublisher.start(whip, token, a.integer("kbps"), 60, TIMEOUT, null)) {
            awaitTrue(publisher::connected, TIMEOUT, "publisher connected");
            Thread.sleep(2000);
            long p0 = publisher.stats().bytesSent();
            long t0 = System.nanoTime();
            Thread.sleep(5000);
            double publisherKbps = (publisher.stats().bytesSent() - p0) * 8.0 / ((System.nanoTime() - t0) / 1e9) / 1000;
            out.printf("publisher: VP8 640x360@30, target %d kbit/s, measured %.0f kbit/s of RTP payload%n",
                    a.integer("kbps"), publisherKbps);
            out.printf("%8s %12s %9s %8s %16s %19s %14s%n", "viewers", "agent %core", "RSS MB", "threads",
                    "min viewer kb/s", "median viewer kb/s", "bench %core");
            for (int target : steps) {
                join(viewers, target, whep, token, joiners);
                awaitAllReceiving(viewers);
                Thread.sleep(a.integer("settle") * 1000L);
                Step step = sample(pid, viewers, window);
                results.add(step);
                out.printf("%8d %12.1f %9.1f %8d %16.0f %19.0f %14.1f%n", step.viewers(), step.cpuPercent(), step.rssMb(),
                        step.threads(), step.minKbps(), step.medianKbps(), step.benchCpuPercent());
            }
            summarize(results, publisherKbps, out);
        } finally {
            joiners.shutdownNow();
            viewers.parallelStream().forEach(BenchViewer::close);
        }
        return 0;
    }

    private static void join(List<BenchViewer> viewers, int target, URI whep, Optional<String> token,
                             ExecutorService joiners) throws Exception {
        List<Future<BenchViewer>> joining = new ArrayList<>();
        for (int i = viewers.size(); i < target; i++) {
            joining.add(joiners.submit(() -> joinWithRetry(whep, token)));
        }
        Exception failure = null;
        for (Future<BenchViewer> f : joining) {
            try {
                viewers.add(f.get());
            } catch (Exception e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw new IllegalStateException((target - viewers.size()) + " viewer(s) failed to join: " + failure, failure);
        }
    }

    /** A join that times out on a loaded machine is retried twice before the run fails. */
    private static BenchViewer joinWithRetry(URI whep, Optional<String> token) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return BenchViewer.start(whep, token, TIMEOUT, null);
            } catch (Exception e) {
                if (attempt == 3) {
                    throw e;
                }
                System.err.println("viewer join failed (" + e + "), retrying");
            }
        }
    }

    private static void awaitAllReceiving(List<BenchViewer> viewers) throws InterruptedException {
        long deadline = System.nanoTime() + ALL_RECEIVING.toNanos();
        for (BenchViewer v : viewers) {
            while (v.bytesReceived() <= 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("not every viewer received media within " + ALL_RECEIVING.toSeconds() + " s");
                }
                Thread.sleep(100);
            }
        }
    }

    private static Step sample(long pid, List<BenchViewer> viewers, Duration window) throws Exception {
        long self = ProcessHandle.current().pid();
        long[] bytes0 = new long[viewers.size()];
        long[] time0 = new long[viewers.size()];
        for (int i = 0; i < viewers.size(); i++) {
            time0[i] = System.nanoTime();
            bytes0[i] = viewers.get(i).bytesReceived();
        }
        ProcessSample agent0 = ProcessSample.read(pid);
        ProcessSample bench0 = ProcessSample.read(self);
        Thread.sleep(window.toMillis());
        ProcessSample agent1 = ProcessSample.read(pid);
        ProcessSample bench1 = ProcessSample.read(self);
        List<Double> kbps = new ArrayList<>();
        for (int i = 0; i < viewers.size(); i++) {
            long b = viewers.get(i).bytesReceived();
            kbps.add((b - bytes0[i]) * 8.0 / ((System.nanoTime() - time0[i]) / 1e9) / 1000);
        }
        Collections.sort(kbps);
        double min = kbps.isEmpty() ? 0 : kbps.get(0);
        double median = kbps.isEmpty() ? 0 : kbps.get(kbps.size() / 2);
        return new Step(viewers.size(), agent1.cpuPercentSince(agent0), agent1.rssKb() / 1024.0, agent1.threads(), min,
                median, bench1.cpuPercentSince(bench0));
    }

    private static void summarize(List<Step> steps, double publisherKbps, PrintStream out) {
        if (steps.size() < 2) {
            out.println("fanout: one step only, no per-viewer slope");
            return;
        }
        List<Double> n = steps.stream().map(s -> (double) s.viewers()).toList();
        LinearFit cpu = LinearFit.of(n, steps.stream().map(Step::cpuPercent).toList());
        LinearFit rss = LinearFit.of(n, steps.stream().map(Step::rssMb).toList());
        LinearFit threads = LinearFit.of(n, steps.stream().map(s -> (double) s.threads()).toList());
        double minKbps = steps.stream().filter(s -> s.viewers() > 0).mapToDouble(Step::minKbps).min().orElse(0);
        out.printf("fanout: %.2f %% of a core per viewer (%.0f viewers per core), %.2f MB and %.1f threads per viewer;"
                        + " agent at 0 viewers %.1f %%; publisher %.0f kbit/s; slowest viewer %.0f kbit/s."
                        + " Yardstick (bare GStreamer): 0.96 %%, 3.5 MB, 8 threads per viewer (~100 viewers/core);"
                        + " goal >= 300 viewers/core%n",
                cpu.slope(), 100 / cpu.slope(), rss.slope(), threads.slope(), cpu.intercept(), publisherKbps, minKbps);
    }

    static void awaitTrue(java.util.function.BooleanSupplier condition, Duration timeout, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
