package dev.castmesh.agent.it;

import dev.castmesh.gst.client.WhepClient;
import dev.castmesh.gst.hub.MediaEngine;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Publish, play (one decoded frame at least) and delete 50 times; the process's thread and fd counts
 * return to their baseline. Agent and clients share this JVM, so the counts cover both sides and a leak in
 * either shows.
 *
 * <p>Baseline and tolerance: the baseline is taken after two warm-up cycles, so GStreamer's own threads,
 * the engine's worker pool, Micronaut's I/O executor and the JDK HTTP client already exist. Their cached
 * pools can still hold a few idle threads for up to 60 s (and a socket or eventfd with them), so the
 * final count may exceed the baseline by up to {@value #TOLERANCE}; a leak of one thread or fd per session
 * would exceed it by 50 to 400 (about 8 threads per webrtcbin).
 */
class LeakIT {
    private static final int CYCLES = 50;
    private static final int TOLERANCE = 12;

    private static int threads() {
        return new File("/proc/self/task").list().length;
    }

    private static int fds() {
        return new File("/proc/self/fd").list().length;
    }

    /** What the open fds are (socket, pipe, anon_inode:[eventfd], files…), for the failure message. */
    static java.util.Map<String, Long> fdKinds() {
        java.util.Map<String, Long> kinds = new java.util.TreeMap<>();
        for (File fd : new File("/proc/self/fd").listFiles()) {
            try {
                String target = java.nio.file.Files.readSymbolicLink(fd.toPath()).toString();
                kinds.merge(target.replaceAll("\\[\\d+\\]|:\\d+$", "").replaceAll("^/.*/", "file:"), 1L, Long::sum);
            } catch (java.io.IOException e) {
                // closed meanwhile
            }
        }
        return kinds;
    }

    static java.util.Map<String, Long> threadNames() {
        java.util.Map<String, Long> names = new java.util.TreeMap<>();
        for (File task : new File("/proc/self/task").listFiles()) {
            try {
                String name = java.nio.file.Files.readString(task.toPath().resolve("comm")).trim().replaceAll("[-:]?\\d+$", "");
                names.merge(name, 1L, Long::sum);
            } catch (java.io.IOException e) {
                // ended meanwhile
            }
        }
        return names;
    }

    /**
     * The publisher is a werift process, so that only the agent's webrtcbins live in this JVM (the project's
     * in-process WhipClient leaves a webrtcbin thread and its sockets behind per use; see the report). The
     * viewer is the project's WHEP client, which must decode a frame each cycle.
     */
    private static void cycle(TestAgent agent, int i) throws Exception {
        MediaEngine engine = agent.context.getBean(MediaEngine.class);
        try (Peer publisher = Peer.start("werift-publish.mjs", agent.url + "/whip/leak", "--duration", "60")) {
            publisher.await("connected", Duration.ofSeconds(15)).orElseThrow(() -> new AssertionError("publisher " + i));
            try (WhepClient viewer = agent.play("leak")) {
                try {
                    Waits.until(() -> viewer.videoFrames() > 0, Duration.ofSeconds(10), "a decoded frame in cycle " + i);
                } catch (AssertionError e) {
                    throw new AssertionError(e.getMessage() + "; viewer " + viewer.state() + " " + viewer.stats()
                            + "; engine " + engine.streams() + "; publisher events " + publisher.events("progress"), e);
                }
            }
            // SIGTERM: the peer DELETEs its session, which ends the stream.
        }
        Waits.until(() -> engine.streams().isEmpty(), Duration.ofSeconds(10), "stream gone after cycle " + i);
    }

    @Test
    void threadsAndFdsReturnToBaseline() throws Exception {
        try (TestAgent agent = TestAgent.start("")) {
            cycle(agent, -2);
            cycle(agent, -1);
            System.gc();
            Thread.sleep(1000);
            int threads0 = threads();
            int fds0 = fds();
            int peakThreads = 0;
            long start = System.nanoTime();
            for (int i = 0; i < CYCLES; i++) {
                cycle(agent, i);
                peakThreads = Math.max(peakThreads, threads());
            }
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            int[] last = new int[2];
            try {
                Waits.until(() -> {
                    System.gc(); // the JDK HttpClient of each exchange keeps a selector thread until collected
                    last[0] = threads();
                    last[1] = fds();
                    return last[0] <= threads0 + TOLERANCE && last[1] <= fds0 + TOLERANCE;
                }, Duration.ofSeconds(15), "threads and fds back to baseline");
            } catch (AssertionError e) {
                // reported below with the figures
            }
            System.out.printf("%d cycles in %d s: threads %d -> %d (peak %d), fds %d -> %d%n",
                    CYCLES, seconds, threads0, last[0], peakThreads, fds0, last[1]);
            System.out.println("fds by kind: " + fdKinds());
            System.out.println("threads by name: " + threadNames());
            assertTrue(last[0] <= threads0 + TOLERANCE, "threads " + threads0 + " -> " + last[0]);
            assertTrue(last[1] <= fds0 + TOLERANCE, "fds " + fds0 + " -> " + last[1]);
        }
    }
}
