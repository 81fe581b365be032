package dev.castmesh.gst.it;

import dev.castmesh.gst.client.PublishSource;
import dev.castmesh.gst.client.VideoCodec;
import dev.castmesh.gst.client.WhepClient;
import dev.castmesh.gst.client.WhepOptions;
import dev.castmesh.gst.client.WhipClient;
import dev.castmesh.gst.hub.MediaEngine;
import dev.castmesh.gst.hub.StreamSnapshot;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Helpers for the integration tests: small publishers, viewers, waiting and measuring. */
final class Media {
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private Media() {
    }

    /** 320x240 at 30 fps keeps a 2-core machine comfortable. */
    static WhipClient publish(MediaEngine engine, String stream, VideoCodec codec) throws Exception {
        return publish(engine, EngineExchange.whip(engine, stream), smallSource(codec));
    }

    static WhipClient publish(MediaEngine engine, EngineExchange exchange, PublishSource source) throws Exception {
        WhipClient client = WhipClient.start(source, exchange, List.of(), TIMEOUT);
        assertTrue(client.awaitConnected(TIMEOUT), "publisher connected");
        return client;
    }

    static PublishSource smallSource(VideoCodec codec) {
        return PublishSource.test(codec).withVideo(320, 240, 30, 300);
    }

    static WhepClient view(MediaEngine engine, String stream, WhepOptions options) throws Exception {
        return view(EngineExchange.whep(engine, stream), options);
    }

    static WhepClient view(EngineExchange exchange, WhepOptions options) throws Exception {
        WhepClient client = WhepClient.start(exchange, options);
        assertTrue(client.awaitConnected(TIMEOUT), "viewer connected");
        return client;
    }

    static WhepClient view(MediaEngine engine, String stream) throws Exception {
        return view(engine, stream, WhepOptions.decode());
    }

    /** Frames decoded by each viewer during {@code window}, after waiting for the first frame of each. */
    static long[] framesDuring(Duration window, WhepClient... viewers) throws InterruptedException {
        for (WhepClient v : viewers) {
            await(() -> v.videoFrames() > 0, TIMEOUT, "first frame");
        }
        long[] before = new long[viewers.length];
        for (int i = 0; i < viewers.length; i++) {
            before[i] = viewers[i].videoFrames();
        }
        Thread.sleep(window.toMillis());
        long[] counted = new long[viewers.length];
        for (int i = 0; i < viewers.length; i++) {
            counted[i] = viewers[i].videoFrames() - before[i];
        }
        return counted;
    }

    /** Polls the stream's snapshot until {@code condition} holds. */
    static StreamSnapshot snapshotWhen(MediaEngine engine, String stream, Predicate<StreamSnapshot> condition)
            throws InterruptedException {
        await(() -> engine.stream(stream).filter(condition).isPresent(), TIMEOUT, "snapshot of " + stream);
        return engine.stream(stream).orElseThrow();
    }

    static void await(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
