package dev.castmesh.gst.it;

import dev.castmesh.gst.client.VideoCodec;
import dev.castmesh.gst.client.WhepClient;
import dev.castmesh.gst.client.WhipClient;
import dev.castmesh.gst.hub.EngineOptions;
import dev.castmesh.gst.hub.MediaEngine;
import dev.castmesh.gst.runtime.GstRuntime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A viewer that takes its answer but never completes ICE (werift-play --no-ice, a live process that answers
 * no connectivity check) must not hold up teardown: ending it, a live viewer and then the stream each
 * complete promptly and release the stream's pipeline.
 */
class StuckViewerTeardownIT {
    private static final String TOKEN = "stuck-token";
    private static final Duration BOUND = Duration.ofSeconds(5);
    private static MediaEngine engine;
    private static AutoCloseable server;

    @BeforeAll
    static void start() throws Exception {
        engine = MediaEngine.start(EngineOptions.defaults());
        server = TestServers.whipWhep(engine, TOKEN);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        engine.close();
    }

    @Test
    void endingAStuckViewerThenTheStreamCompletesPromptly() throws Exception {
        int pipelinesBefore = GstRuntime.livePipelines();
        EngineExchange publishing = EngineExchange.whip(engine, "stuck");
        WhipClient publisher = Media.publish(engine, publishing, Media.smallSource(VideoCodec.VP8));
        EngineExchange viewing = EngineExchange.whep(engine, "stuck");
        try (WhepClient live = Media.view(viewing, dev.castmesh.gst.client.WhepOptions.decode());
             NodePeer stuck = NodePeer.start("werift-play.mjs", TestServers.url(server, "/whep/stuck"), "--token", TOKEN,
                     "--no-ice", "--keep-session", "--duration", "30")) {
            String answer = stuck.await("answer", Duration.ofSeconds(15)).orElseThrow(
                    () -> new AssertionError("the stuck viewer got no answer: " + stuck.lines() + stuck.stderr()));
            String location = NodePeer.string(answer, "location");
            String stuckId = location.substring(location.lastIndexOf('/') + 1);
            Thread.sleep(1500);
            assertEquals(2, engine.stream("stuck").orElseThrow().viewers().size(), "live and stuck viewers attached");
            assertTrue(Media.framesDuring(Duration.ofSeconds(1), live)[0] >= 20, "the live viewer decodes");

            long ms = timed("end the stuck viewer", () -> engine.endSession("stuck", stuckId));
            System.out.println("ending the stuck viewer took " + ms + " ms");
            assertTrue(Media.framesDuring(Duration.ofSeconds(1), live)[0] >= 20, "the live viewer still decodes");
            ms = timed("end the live viewer", () -> engine.endSession("stuck", viewing.sessionId()));
            System.out.println("ending the live viewer took " + ms + " ms");
            ms = timed("end the stream", () -> engine.endSession("stuck", publishing.sessionId()));
            System.out.println("ending the stream took " + ms + " ms");
            assertTrue(engine.stream("stuck").isEmpty());
        } finally {
            publisher.close();
        }
        assertEquals(pipelinesBefore, GstRuntime.livePipelines(), "every pipeline released");
    }

    @Test
    void afterAStuckViewerIsReapedForFailedIceTheStreamStillEndsPromptly() throws Exception {
        int pipelinesBefore = GstRuntime.livePipelines();
        EngineExchange publishing = EngineExchange.whip(engine, "failed");
        WhipClient publisher = Media.publish(engine, publishing, Media.smallSource(VideoCodec.VP8));
        EngineExchange viewing = EngineExchange.whep(engine, "failed");
        try (WhepClient live = Media.view(viewing, dev.castmesh.gst.client.WhepOptions.decode());
             WhepClient other = Media.view(engine, "failed");
             NodePeer stuck = NodePeer.start("werift-play.mjs", TestServers.url(server, "/whep/failed"), "--token",
                     TOKEN, "--no-ice", "--keep-session", "--duration", "40")) {
            stuck.await("answer", Duration.ofSeconds(15)).orElseThrow(() -> new AssertionError("no answer"));
            long t0 = System.nanoTime();
            // libnice gives up on the unanswered checks after several seconds; the engine then reaps the viewer
            Media.await(() -> engine.stream("failed").orElseThrow().viewers().size() == 2, Duration.ofSeconds(30),
                    "the stuck viewer reaped after ICE failed");
            System.out.println("stuck viewer reaped " + (System.nanoTime() - t0) / 1_000_000 + " ms after its answer");
            assertTrue(Media.framesDuring(Duration.ofSeconds(1), live)[0] >= 20, "the live viewer still decodes");
            long ms = timed("snapshot and end the live viewer", () -> engine.endSession("failed", viewing.sessionId()));
            System.out.println("ending the live viewer after the reap took " + ms + " ms");
            ms = timed("end the stream", () -> engine.endSession("failed", publishing.sessionId()));
            System.out.println("ending the stream after the reap took " + ms + " ms");
            assertTrue(engine.stream("failed").isEmpty());
        } finally {
            publisher.close();
        }
        assertEquals(pipelinesBefore, GstRuntime.livePipelines(), "every pipeline released");
    }

    @Test
    void endingTheStreamWithAStuckViewerAttachedCompletesPromptly() throws Exception {
        int pipelinesBefore = GstRuntime.livePipelines();
        WhipClient publisher = Media.publish(engine, "stuck2", VideoCodec.VP8);
        try (WhepClient live = Media.view(engine, "stuck2");
             NodePeer stuck = NodePeer.start("werift-play.mjs", TestServers.url(server, "/whep/stuck2"), "--token",
                     TOKEN, "--no-ice", "--keep-session", "--duration", "30")) {
            stuck.await("answer", Duration.ofSeconds(15)).orElseThrow(() -> new AssertionError("no answer"));
            Thread.sleep(1500);
            Media.framesDuring(Duration.ofMillis(500), live);
            long ms = timed("end the stream", () -> engine.endStream("stuck2"));
            System.out.println("ending the stream with a stuck viewer attached took " + ms + " ms");
            assertTrue(engine.stream("stuck2").isEmpty());
        } finally {
            publisher.close();
        }
        assertEquals(pipelinesBefore, GstRuntime.livePipelines(), "every pipeline released");
    }

    private static long timed(String what, Runnable action) throws Exception {
        long t0 = System.nanoTime();
        try {
            CompletableFuture.runAsync(action).get(BOUND.toMillis() * 3, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(what + ": still blocked after " + BOUND.toSeconds() * 3 + " s");
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < BOUND.toMillis(), what + " took " + ms + " ms");
        return ms;
    }
}
