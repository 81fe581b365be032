package dev.castmesh.gst.it;

import dev.castmesh.gst.cascade.BridgeOptions;
import dev.castmesh.gst.cascade.BridgeSnapshot;
import dev.castmesh.gst.cascade.CascadeBridge;
import dev.castmesh.gst.cascade.CascadeException;
import dev.castmesh.gst.cascade.LocalExchange;
import dev.castmesh.gst.client.VideoCodec;
import dev.castmesh.gst.client.WhepClient;
import dev.castmesh.gst.client.WhipClient;
import dev.castmesh.gst.hub.EngineOptions;
import dev.castmesh.gst.hub.MediaEngine;
import dev.castmesh.gst.hub.StreamSnapshot;
import dev.castmesh.gst.runtime.GstRuntime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cascade between three engines in one JVM (three "agents"): a bridge relays A's stream into a copy on B without
 * decoding; B's viewer keeps decoding while the bridge is re-attached from A to C and A stops.
 */
class CascadeBridgeIT {
    private static final BridgeOptions OPTIONS = BridgeOptions.of(Duration.ofSeconds(10));
    private static MediaEngine a;
    private static MediaEngine b;
    private static MediaEngine c;

    @BeforeAll
    static void start() {
        a = MediaEngine.start(EngineOptions.defaults());
        b = MediaEngine.start(EngineOptions.defaults());
        c = MediaEngine.start(EngineOptions.defaults());
    }

    @AfterAll
    static void stop() {
        a.close();
        b.close();
        c.close();
    }

    @Test
    void copyViewerKeepsDecodingAcrossReattachAndLossIsDetected() throws Exception {
        int pipelines = GstRuntime.livePipelines();
        WhipClient onA = Media.publish(a, "cam", VideoCodec.VP8);
        WhipClient onC = null;
        long t0 = System.nanoTime();
        CascadeBridge bridge = CascadeBridge.open("cam", LocalExchange.subscribe(a, "cam"),
                LocalExchange.publishCopy(b, "cam", "agent-a"), OPTIONS);
        try {
            System.out.println("cascade: bridge open (copy carries media) after " + ms(t0) + " ms");
            StreamSnapshot copy = b.stream("cam").orElseThrow();
            assertEquals("agent-a", copy.cascadeFrom());
            assertTrue(copy.copy());
            long v0 = System.nanoTime();
            try (WhepClient viewer = Media.view(b, "cam")) {
                Media.await(() -> viewer.videoFrames() > 0, Media.TIMEOUT, "first frame of the copy");
                System.out.println("cascade: copy viewer decoded its first frame " + ms(v0) + " ms after its offer");
                long before = Media.framesDuring(Duration.ofSeconds(2), viewer)[0];
                assertTrue(before >= 30, "frames from the copy in 2 s: " + before);

                long mark = bridge.targetStats().get(5, java.util.concurrent.TimeUnit.SECONDS).rtcpReportsReceived();
                onC = Media.publish(c, "cam", VideoCodec.VP8);
                long r0 = System.nanoTime();
                bridge.reattach(LocalExchange.subscribe(c, "cam"));
                System.out.println("cascade: re-attach to C took " + ms(r0) + " ms");
                onA.close();
                Media.await(() -> a.stream("cam").isEmpty(), Media.TIMEOUT, "A's stream ended");
                long afterSwitch = viewer.videoFrames();
                Thread.sleep(3000);
                long gained = viewer.videoFrames() - afterSwitch;
                System.out.println("cascade: the same viewer decoded " + gained + " frames in 3 s after the switch");
                assertTrue(gained >= 45, "frames after the switch: " + gained);
                // receiver reports come every 2.5-7.5 s: the count the push watchdog relies on must grow across the switch
                Media.await(() -> {
                    long later = bridge.targetStats().join().rtcpReportsReceived();
                    return later > mark;
                }, Duration.ofSeconds(15), "the target's receiver reports to move (from " + mark + ")");
                assertEquals(1, c.stream("cam").orElseThrow().viewers().size(), "the bridge views C");
                assertTrue(b.stream("cam").orElseThrow().viewers().size() == 1, "B still has its viewer");

                onC.close();
                Media.await(() -> bridge.snapshot().lastPacketAgeMs() > 2000, Media.TIMEOUT, "upstream loss detected");
                BridgeSnapshot s = bridge.snapshot();
                assertEquals(2, s.attachments());
                assertTrue(s.bytesReceived() > 0, s.toString());
            }
        } finally {
            bridge.close();
            onA.close();
            if (onC != null) {
                onC.close();
            }
        }
        Media.await(() -> b.stream("cam").isEmpty(), Media.TIMEOUT, "closing the bridge ends the copy");
        Media.await(() -> GstRuntime.livePipelines() == pipelines, Media.TIMEOUT, "every pipeline released");
    }

    @Test
    void keyframeRequestsOfTheCopyReachTheSource() throws Exception {
        // periodic key frames only every 20 s: a prompt first frame proves the PLI path through the bridge
        try (WhipClient onA = Media.publish(a, EngineExchange.whip(a, "gop"),
                Media.smallSource(VideoCodec.VP8).withKeyframeInterval(600))) {
            Thread.sleep(1000);
            try (CascadeBridge bridge = CascadeBridge.open("gop", LocalExchange.subscribe(a, "gop"),
                    LocalExchange.publishCopy(b, "gop", "agent-a"), OPTIONS)) {
                Thread.sleep(1500);
                long v0 = System.nanoTime();
                try (WhepClient viewer = Media.view(b, "gop")) {
                    Media.await(() -> viewer.videoFrames() > 0, Duration.ofSeconds(5), "first frame");
                    long ms = ms(v0);
                    System.out.println("cascade: late copy viewer (GOP 20 s) decoded its first frame " + ms + " ms after its offer");
                    assertTrue(ms < 3000, "first frame after " + ms + " ms");
                    assertTrue(bridge.snapshot().keyframeRequests() > 0, "the copy's PLI went through the bridge");
                }
            }
        }
    }

    @Test
    void h264IsRelayedAndReattached() throws Exception {
        try (WhipClient onA = Media.publish(a, "h264", VideoCodec.H264);
             WhipClient onC = Media.publish(c, "h264", VideoCodec.H264);
             CascadeBridge bridge = CascadeBridge.open("h264", LocalExchange.subscribe(a, "h264"),
                     LocalExchange.publishCopy(b, "h264", "agent-a"), OPTIONS);
             WhepClient viewer = Media.view(b, "h264")) {
            long frames = Media.framesDuring(Duration.ofSeconds(2), viewer)[0];
            assertTrue(frames >= 30, "H.264 frames from the copy in 2 s: " + frames);
            assertEquals("[H264/90000, OPUS/48000/2]", bridge.snapshot().codecs().toString());
            bridge.reattach(LocalExchange.subscribe(c, "h264"));
            onA.close();
            long after = Media.framesDuring(Duration.ofSeconds(2), viewer)[0];
            System.out.println("cascade: H.264 viewer decoded " + after + " frames in 2 s after the re-attach");
            assertTrue(after >= 30, "H.264 frames after the re-attach in 2 s: " + after);
        }
    }

    @Test
    void reattachToAnotherCodecIsRefusedAndTheOldSourceStays() throws Exception {
        try (WhipClient onA = Media.publish(a, "mixed", VideoCodec.VP8);
             WhipClient onC = Media.publish(c, "mixed", VideoCodec.H264);
             CascadeBridge bridge = CascadeBridge.open("mixed", LocalExchange.subscribe(a, "mixed"),
                     LocalExchange.publishCopy(b, "mixed", "agent-a"), OPTIONS);
             WhepClient viewer = Media.view(b, "mixed")) {
            CascadeException e = assertThrows(CascadeException.class,
                    () -> bridge.reattach(LocalExchange.subscribe(c, "mixed")));
            assertEquals(CascadeException.Reason.CODEC_MISMATCH, e.reason());
            Media.await(() -> c.stream("mixed").orElseThrow().viewers().isEmpty(), Media.TIMEOUT, "C's session ended");
            assertTrue(Media.framesDuring(Duration.ofSeconds(1), viewer)[0] >= 15, "still fed by A");
        }
    }

    @Test
    void missingSourceStreamAndTakenTargetAreRefused() throws Exception {
        int pipelines = GstRuntime.livePipelines();
        CascadeException missing = assertThrows(CascadeException.class, () -> CascadeBridge.open("none",
                LocalExchange.subscribe(a, "none"), LocalExchange.publishCopy(b, "none", "agent-a"), OPTIONS));
        assertEquals(CascadeException.Reason.NOT_FOUND, missing.reason());
        try (WhipClient onA = Media.publish(a, "taken", VideoCodec.VP8);
             WhipClient onB = Media.publish(b, "taken", VideoCodec.VP8)) {
            CascadeException taken = assertThrows(CascadeException.class, () -> CascadeBridge.open("taken",
                    LocalExchange.subscribe(a, "taken"), LocalExchange.publishCopy(b, "taken", "agent-a"), OPTIONS));
            assertEquals(CascadeException.Reason.REFUSED, taken.reason());
            Media.await(() -> a.stream("taken").orElseThrow().viewers().isEmpty(), Media.TIMEOUT,
                    "the failed bridge left no session on A");
        }
        Media.await(() -> GstRuntime.livePipelines() == pipelines, Media.TIMEOUT, "failed bridges left no pipeline");
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
