package dev.castmesh.gst.hub;

import dev.castmesh.gst.client.PublishSource;
import dev.castmesh.gst.client.SdpExchange;
import dev.castmesh.gst.client.VideoCodec;
import dev.castmesh.gst.client.WhepClient;
import dev.castmesh.gst.client.WhepOptions;
import dev.castmesh.gst.client.WhipClient;
import dev.castmesh.gst.runtime.GstRuntime;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.Pad;
import org.freedesktop.gstreamer.PadProbeReturn;
import org.freedesktop.gstreamer.PadProbeType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A viewer whose streaming thread is wedged inside its branch (here: a pad probe that blocks, the same
 * shape as a webrtcbin that never returns a buffer while ICE/DTLS hang) must not hold up the stream: ending
 * that viewer and then the whole stream complete within bounds, a live viewer keeps playing meanwhile, and
 * every element is released once the wedged thread lets go.
 */
class WedgedViewerIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Test
    void aWedgedViewerNeverHoldsUpViewerOrStreamTeardown() throws Exception {
        int pipelinesBefore = GstRuntime.livePipelines();
        MediaEngine engine = MediaEngine.start(EngineOptions.defaults());
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean wedged = new AtomicBoolean();
        try {
            Exchange pub = new Exchange(engine, "wedged", true);
            WhipClient publisher = WhipClient.start(PublishSource.test(VideoCodec.VP8).withVideo(320, 240, 30, 300), pub,
                    List.of(), TIMEOUT);
            assertTrue(publisher.awaitConnected(TIMEOUT));
            Exchange liveEx = new Exchange(engine, "wedged", false);
            Exchange wedgedEx = new Exchange(engine, "wedged", false);
            try (WhepClient live = WhepClient.start(liveEx, WhepOptions.decode());
                 WhepClient victim = WhepClient.start(wedgedEx, WhepOptions.decode())) {
                assertTrue(live.awaitConnected(TIMEOUT) && victim.awaitConnected(TIMEOUT));
                await(() -> live.videoFrames() > 0 && victim.videoFrames() > 0, "both viewers decode");
                // viewer-2's queue thread blocks inside the branch and holds its stream lock
                Element queue = engine.pipelineOf("wedged").orElseThrow().getElementByName("viewer-2-video");
                Pad.PROBE block = (pad, info) -> {
                    if (wedged.compareAndSet(false, true)) {
                        try {
                            release.await(60, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    return PadProbeReturn.OK;
                };
                queue.getStaticPad("src").addProbe(PadProbeType.BUFFER, block);
                await(wedged::get, "the branch is wedged");

                long ms = timed(() -> engine.endSession("wedged", wedgedEx.sessionId));
                System.out.println("ending the wedged viewer returned after " + ms + " ms");
                assertTrue(ms < ViewerSession.STOP_WAIT.toMillis() + 2000, "ending the wedged viewer took " + ms + " ms");
                long frames = live.videoFrames();
                Thread.sleep(1000);
                assertTrue(live.videoFrames() - frames >= 20, "the live viewer kept decoding");

                ms = timed(() -> engine.endSession("wedged", pub.sessionId));
                System.out.println("ending the stream returned after " + ms + " ms");
                assertTrue(ms < 8000, "ending the stream took " + ms + " ms");
                assertTrue(engine.stream("wedged").isEmpty());
            } finally {
                publisher.close();
            }
        } finally {
            release.countDown();
            engine.close();
        }
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (GstRuntime.livePipelines() != pipelinesBefore && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(pipelinesBefore, GstRuntime.livePipelines(), "the stream's pipeline is released once unwedged");
    }

    private static long timed(Runnable action) throws Exception {
        long t0 = System.nanoTime();
        CompletableFuture.runAsync(action).get(30, TimeUnit.SECONDS);
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    /** WHIP/WHEP straight into the engine. */
    private static final class Exchange implements SdpExchange {
        private final MediaEngine engine;
        private final String stream;
        private final boolean publish;
        private volatile String sessionId;

        Exchange(MediaEngine engine, String stream, boolean publish) {
            this.engine = engine;
            this.stream = stream;
            this.publish = publish;
        }

        @Override
        public String exchange(String offerSdp) {
            SessionAnswer answer = publish ? engine.publish(stream, offerSdp) : engine.subscribe(stream, offerSdp);
            sessionId = answer.sessionId();
            return answer.sdp();
        }

        @Override
        public void terminate() {
            if (sessionId != null) {
                engine.endSession(stream, sessionId);
            }
        }
    }
}
