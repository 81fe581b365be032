package dev.castmesh.gst.it;

import dev.castmesh.gst.client.SdpExchange;
import dev.castmesh.gst.client.VideoCodec;
import dev.castmesh.gst.client.WhepClient;
import dev.castmesh.gst.client.WhepOptions;
import dev.castmesh.gst.client.WhipClient;
import dev.castmesh.gst.hub.EngineOptions;
import dev.castmesh.gst.hub.MediaEngine;
import dev.castmesh.gst.hub.SessionState;
import dev.castmesh.gst.hub.StreamSnapshot;
import dev.castmesh.gst.hub.ViewerSnapshot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A stuck or vanished session never hurts the others and is reaped. */
class IsolationIT {
    private static final Duration IDLE = Duration.ofSeconds(4);
    private static MediaEngine engine;

    @BeforeAll
    static void start() {
        engine = MediaEngine.start(new EngineOptions(List.of(), Duration.ofSeconds(10), IDLE,
                dev.castmesh.gst.webrtc.LossRepair.DEFAULT,
                dev.castmesh.gst.sdp.SdpLimits.DEFAULT, EngineOptions.DEFAULT_MAX_STREAMS));
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void viewerWhoseIceNeverCompletesDoesNotSlowALiveViewerAndIsReaped() throws Exception {
        try (WhipClient publisher = Media.publish(engine, "stuck", VideoCodec.VP8);
             WhepClient live = Media.view(engine, "stuck")) {
            long alone = Media.framesDuring(Duration.ofSeconds(2), live)[0];
            // the ghost's offer is answered by the engine but the answer is never applied on its side
            EngineExchange engineSide = EngineExchange.whep(engine, "stuck").vanishing();
            SdpExchange neverApplies = new SdpExchange() {
                @Override
                public String exchange(String offerSdp) throws IOException {
                    engineSide.exchange(offerSdp);
                    throw new IOException("answer dropped on purpose");
                }

                @Override
                public void terminate() {
                }
            };
            assertThrows(IOException.class, () -> WhepClient.start(neverApplies, WhepOptions.decode()));
            StreamSnapshot withGhost = engine.stream("stuck").orElseThrow();
            assertEquals(2, withGhost.viewers().size());
            ViewerSnapshot ghost = withGhost.viewers().stream()
                    .filter(v -> v.sessionId().equals(engineSide.sessionId())).findFirst().orElseThrow();
            assertEquals(SessionState.CONNECTING, ghost.state());

            long withStuckViewer = Media.framesDuring(Duration.ofSeconds(3), live)[0];
            System.out.println("live viewer: " + alone + " frames in 2 s alone, " + withStuckViewer
                    + " frames in 3 s next to a viewer whose ICE never completes");
            assertTrue(withStuckViewer >= 75, "live viewer frames in 3 s with a stuck viewer: " + withStuckViewer);

            Media.snapshotWhen(engine, "stuck", s -> s.viewers().size() == 1);
            assertEquals(live.videoFrames() > 0, true);
            System.out.println("stuck viewer reaped within the idle timeout of " + IDLE.toSeconds() + " s");
        }
    }

    @Test
    void vanishedViewerIsReapedByRtcpSilenceWhileALiveViewerStays() throws Exception {
        try (WhipClient publisher = Media.publish(engine, "vanish", VideoCodec.VP8);
             WhepClient live = Media.view(engine, "vanish")) {
            EngineExchange quiet = EngineExchange.whep(engine, "vanish").vanishing();
            WhepClient gone = Media.view(quiet, WhepOptions.decode());
            Media.framesDuring(Duration.ofMillis(500), live, gone);
            long vanishedAt = System.nanoTime();
            gone.close();
            Media.await(() -> engine.stream("vanish").orElseThrow().viewers().size() == 1, Duration.ofSeconds(20),
                    "vanished viewer reaped");
            long seconds = (System.nanoTime() - vanishedAt) / 1_000_000_000L;
            System.out.println("vanished viewer reaped after " + seconds + " s of RTCP silence");
            assertEquals(live.state(), "CONNECTED");
            ViewerSnapshot remaining = engine.stream("vanish").orElseThrow().viewers().get(0);
            assertTrue(remaining.sessionId() != null && !remaining.sessionId().equals(quiet.sessionId()));
            assertTrue(Media.framesDuring(Duration.ofSeconds(1), live)[0] >= 20, "live viewer still decoding");
        }
    }

    @Test
    void vanishedPublisherEndsTheStreamAfterTheIdleTimeout() throws Exception {
        EngineExchange quiet = EngineExchange.whip(engine, "gone").vanishing();
        WhipClient publisher = Media.publish(engine, quiet, Media.smallSource(VideoCodec.VP8));
        try (WhepClient viewer = Media.view(engine, "gone")) {
            Media.framesDuring(Duration.ofMillis(500), viewer);
            publisher.close();
            long t0 = System.nanoTime();
            Media.await(() -> engine.stream("gone").isEmpty(), IDLE.plusSeconds(6), "silent publisher reaped");
            System.out.println("silent publisher reaped after " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        }
    }
}
