package dev.castmesh.gst.it;

import dev.castmesh.gst.client.VideoCodec;
import dev.castmesh.gst.client.WhepClient;
import dev.castmesh.gst.client.WhepOptions;
import dev.castmesh.gst.client.WhipClient;
import dev.castmesh.gst.hub.EngineOptions;
import dev.castmesh.gst.hub.MediaEngine;
import dev.castmesh.gst.hub.SessionState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Viewers arriving at the same moment all negotiate (promises kept alive) and all decode. */
class ConcurrentViewersIT {
    /** 10 by default; {@code -Dcastmesh.it.viewers=30} for the figure (slow on 2 cores). */
    private static final int VIEWERS = Integer.getInteger("castmesh.it.viewers", 10);
    private static MediaEngine engine;

    @BeforeAll
    static void start() {
        engine = MediaEngine.start(EngineOptions.defaults());
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void viewersAddedConcurrentlyAllDecode() throws Exception {
        List<WhepClient> viewers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(VIEWERS);
        try (WhipClient publisher = Media.publish(engine, "crowd", VideoCodec.VP8)) {
            long t0 = System.nanoTime();
            List<Future<WhepClient>> joining = new ArrayList<>();
            for (int i = 0; i < VIEWERS; i++) {
                WhepOptions options = i % 2 == 0 ? WhepOptions.decode() : WhepOptions.decode().withPayloadTypes(100, 120, 109);
                joining.add(pool.submit(() -> Media.view(engine, "crowd", options)));
            }
            System.gc();
            for (Future<WhepClient> f : joining) {
                viewers.add(f.get());
            }
            long joinedMs = (System.nanoTime() - t0) / 1_000_000;
            long[] frames = Media.framesDuring(Duration.ofSeconds(3), viewers.toArray(new WhepClient[0]));
            System.out.println(VIEWERS + " concurrent viewers connected in " + joinedMs + " ms; frames in 3 s: "
                    + Arrays.toString(frames));
            for (long f : frames) {
                assertTrue(f >= (VIEWERS > 10 ? 30 : 45), "frames in 3 s: " + Arrays.toString(frames));
            }
            var s = engine.stream("crowd").orElseThrow();
            assertEquals(VIEWERS, s.viewers().size());
            assertTrue(s.viewers().stream().allMatch(v -> v.state() == SessionState.CONNECTED));
            assertEquals(2, s.repayloaders().size(), "half the viewers share one video and one audio re-payloader");
            assertEquals(VIEWERS / 2, s.repayloaders().get(0).viewers());
        } finally {
            viewers.forEach(WhepClient::close);
            pool.shutdownNow();
        }
    }
}
