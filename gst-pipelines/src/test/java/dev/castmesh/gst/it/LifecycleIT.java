package dev.castmesh.gst.it;

import dev.castmesh.gst.client.VideoCodec;
import dev.castmesh.gst.client.WhepClient;
import dev.castmesh.gst.client.WhepOptions;
import dev.castmesh.gst.client.WhipClient;
import dev.castmesh.gst.errors.BadSdpException;
import dev.castmesh.gst.errors.StreamNotFoundException;
import dev.castmesh.gst.hub.EngineOptions;
import dev.castmesh.gst.hub.MediaEngine;
import dev.castmesh.gst.hub.StreamSnapshot;
import dev.castmesh.gst.runtime.GstRuntime;
import dev.castmesh.gst.sdp.SdpParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Viewers join and leave a playing stream; ending the publisher ends everything. */
class LifecycleIT {
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
    void endingThePublisherEndsViewersAndReleasesThePipeline() throws Exception {
        int before = GstRuntime.livePipelines();
        EngineExchange publishing = EngineExchange.whip(engine, "end");
        WhipClient publisher = Media.publish(engine, publishing, Media.smallSource(VideoCodec.VP8));
        EngineExchange viewing = EngineExchange.whep(engine, "end");
        try (WhepClient a = Media.view(viewing, WhepOptions.decode());
             WhepClient b = Media.view(engine, "end", WhepOptions.decode().withPayloadTypes(100, 120, 109))) {
            Media.framesDuring(Duration.ofMillis(500), a, b);
            assertEquals(before + 4, GstRuntime.livePipelines(), "stream pipeline + 3 client pipelines");
            engine.endSession("end", publishing.sessionId());
            assertEquals(before + 3, GstRuntime.livePipelines(), "the stream's pipeline is disposed");
            assertTrue(engine.stream("end").isEmpty());
            assertTrue(engine.streams().stream().noneMatch(s -> s.stream().equals("end")));
            engine.endSession("end", viewing.sessionId());
            engine.endSession("end", publishing.sessionId());
            assertThrows(StreamNotFoundException.class, () -> engine.addRemoteCandidates("end", viewing.sessionId(),
                    "a=candidate:1 1 udp 1 127.0.0.1 9 typ host\r\n"));
            Thread.sleep(300);
            long frozen = a.videoFrames();
            Thread.sleep(700);
            assertEquals(frozen, a.videoFrames(), "no media after the stream ended");
        } finally {
            publisher.close();
        }
        assertEquals(before, GstRuntime.livePipelines());
    }

    @Test
    void viewersLeaveWhileOthersKeepDecodingAndSharedBranchesAreFreed() throws Exception {
        WhepOptions otherPt = WhepOptions.decode().withPayloadTypes(100, 120, 109);
        try (WhipClient publisher = Media.publish(engine, "leave", VideoCodec.VP8);
             WhepClient stays = Media.view(engine, "leave")) {
            WhepClient leaves = Media.view(engine, "leave", otherPt);
            Media.framesDuring(Duration.ofMillis(500), stays, leaves);
            assertEquals(2, engine.stream("leave").orElseThrow().repayloaders().size());
            leaves.close();
            StreamSnapshot after = engine.stream("leave").orElseThrow();
            assertEquals(1, after.viewers().size());
            assertTrue(after.repayloaders().isEmpty(), "re-payloaders go with their last viewer");
            long frames = Media.framesDuring(Duration.ofSeconds(2), stays)[0];
            assertTrue(frames >= 40, "remaining viewer frames in 2 s: " + frames);
            try (WhepClient again = Media.view(engine, "leave", otherPt)) {
                assertTrue(Media.framesDuring(Duration.ofSeconds(1), again)[0] >= 15);
                assertEquals(1, engine.stream("leave").orElseThrow().repayloaders().get(0).viewers());
            }
        }
    }

    @Test
    void lateViewerGetsAKeyFrameOnRequest() throws Exception {
        // periodic key frames only every 20 s: a prompt first frame proves the PLI/FIR path
        EngineExchange publishing = EngineExchange.whip(engine, "late");
        try (WhipClient publisher = Media.publish(engine, publishing,
                Media.smallSource(VideoCodec.VP8).withKeyframeInterval(600))) {
            Thread.sleep(1500);
            long t0 = System.nanoTime();
            try (WhepClient late = Media.view(engine, "late")) {
                Media.await(() -> late.videoFrames() > 0, Duration.ofSeconds(5), "first decoded frame");
                long ms = (System.nanoTime() - t0) / 1_000_000;
                System.out.println("late viewer decoded its first frame " + ms + " ms after its offer");
                assertTrue(ms < 3000, "first frame after " + ms + " ms");
            }
        }
    }

    @Test
    void trickledCandidatesAreAppliedAndIceRestartsRefused() throws Exception {
        try (WhipClient publisher = Media.publish(engine, "trickle", VideoCodec.VP8)) {
            EngineExchange viewing = EngineExchange.whep(engine, "trickle");
            try (WhepClient viewer = Media.view(viewing, WhepOptions.decode())) {
                String ufrag = SdpParser.parse(viewing.lastOffer()).iceUfrag();
                String mid = SdpParser.parse(viewing.lastOffer()).media().get(0).mid();
                engine.addRemoteCandidates("trickle", viewing.sessionId(), "a=ice-ufrag:" + ufrag + "\r\n"
                        + "m=video 9 RTP/AVP 0\r\na=mid:" + mid + "\r\n"
                        + "a=candidate:1 1 UDP 2015363327 127.0.0.1 40000 typ host\r\na=end-of-candidates\r\n");
                BadSdpException restart = assertThrows(BadSdpException.class, () -> engine.addRemoteCandidates(
                        "trickle", viewing.sessionId(), "a=ice-ufrag:other\r\na=candidate:1 1 UDP 1 127.0.0.1 9 typ host\r\n"));
                assertTrue(restart.getMessage().contains("ICE restart"), restart.getMessage());
                assertTrue(Media.framesDuring(Duration.ofMillis(500), viewer)[0] > 0, "still decoding");
            }
        }
    }
}
