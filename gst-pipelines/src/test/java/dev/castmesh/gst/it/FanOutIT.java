package dev.castmesh.gst.it;

import dev.castmesh.gst.client.VideoCodec;
import dev.castmesh.gst.client.WhepClient;
import dev.castmesh.gst.client.WhepOptions;
import dev.castmesh.gst.client.WhipClient;
import dev.castmesh.gst.hub.EngineOptions;
import dev.castmesh.gst.hub.MediaEngine;
import dev.castmesh.gst.hub.RepayloaderSnapshot;
import dev.castmesh.gst.hub.SessionState;
import dev.castmesh.gst.hub.StreamSnapshot;
import dev.castmesh.gst.sdp.Codec;
import dev.castmesh.gst.sdp.MediaKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Media flows from one publisher to several decoding viewers, directly or through a shared re-payloader. */
class FanOutIT {
    private static final Duration WINDOW = Duration.ofSeconds(3);
    /** 30 fps for 3 s is 90 frames; 50 leaves room for a slow 2-core machine. */
    private static final long MIN_FRAMES = 50;
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
    void vp8PublisherFeedsTwoDecodingViewers() throws Exception {
        try (WhipClient publisher = Media.publish(engine, "vp8", VideoCodec.VP8);
             WhepClient a = Media.view(engine, "vp8");
             WhepClient b = Media.view(engine, "vp8")) {
            assertDecoding("VP8 direct", a, b);
            assertEquals(Codec.VP8, a.negotiated().get(MediaKind.VIDEO));
            StreamSnapshot s = Media.snapshotWhen(engine, "vp8", x -> x.viewers().stream()
                    .allMatch(v -> v.state() == SessionState.CONNECTED && v.bytesSent() > 0));
            assertEquals(List.of("VP8/90000", "OPUS/48000/2"), s.publisher().codecs());
            assertEquals(SessionState.CONNECTED, s.publisher().state());
            assertTrue(s.publisher().bytesReceived() > 0 && s.publisher().bitrateBps() > 0, s.toString());
            assertEquals(2, s.viewers().size());
            assertTrue(s.repayloaders().isEmpty(), "same payload types need no re-payloader");
            assertTrue(a.audioBuffers() > 0, "audio decoded too");
        }
    }

    @Test
    void h264PublisherFeedsTwoDecodingViewers() throws Exception {
        EngineExchange publishing = EngineExchange.whip(engine, "h264");
        EngineExchange viewing = EngineExchange.whep(engine, "h264");
        try (WhipClient publisher = Media.publish(engine, publishing, Media.smallSource(VideoCodec.H264));
             WhepClient a = Media.view(viewing, WhepOptions.decode());
             WhepClient b = Media.view(engine, "h264")) {
            assertTrue(publishing.lastAnswer().contains("profile-level-id="), publishing.lastAnswer());
            assertTrue(viewing.lastAnswer().contains("profile-level-id=42e01f"), viewing.lastAnswer());
            assertDecoding("H264 direct", a, b);
            assertEquals(Codec.H264, a.negotiated().get(MediaKind.VIDEO));
            assertEquals(List.of("H264/90000", "OPUS/48000/2"), engine.stream("h264").orElseThrow().publisher().codecs());
        }
    }

    @Test
    void viewersWithAnotherPayloadTypeShareOneRepayloader() throws Exception {
        WhepOptions otherPt = WhepOptions.decode().withPayloadTypes(100, 120, 109);
        try (WhipClient publisher = Media.publish(engine, "repay", VideoCodec.VP8);
             WhepClient direct = Media.view(engine, "repay");
             WhepClient a = Media.view(engine, "repay", otherPt);
             WhepClient b = Media.view(engine, "repay", otherPt)) {
            assertDecoding("VP8 re-payloaded pt 100 (and one direct)", a, b, direct);
            StreamSnapshot s = engine.stream("repay").orElseThrow();
            System.out.println("re-payloaders: " + s.repayloaders());
            assertEquals(List.of(new RepayloaderSnapshot("video", "VP8/90000", 100, 2),
                    new RepayloaderSnapshot("audio", "OPUS/48000/2", 109, 2)), s.repayloaders());
        }
        Media.await(() -> engine.stream("repay").isEmpty(), Media.TIMEOUT, "stream ended");
    }

    @Test
    void h264ViewerWithAnotherPayloadTypeDecodesThroughRepayloader() throws Exception {
        WhepOptions otherPt = WhepOptions.decode().withVideoCodecs(List.of(VideoCodec.H264)).withPayloadTypes(100, 121, 111);
        try (WhipClient publisher = Media.publish(engine, "h264-repay", VideoCodec.H264);
             WhepClient a = Media.view(engine, "h264-repay", otherPt)) {
            assertDecoding("H264 re-payloaded pt 121", a);
            assertEquals(List.of(new RepayloaderSnapshot("video", "H264/90000", 121, 1)),
                    engine.stream("h264-repay").orElseThrow().repayloaders());
        }
    }

    private static void assertDecoding(String what, WhepClient... viewers) throws InterruptedException {
        long[] frames = Media.framesDuring(WINDOW, viewers);
        System.out.println(what + ": video frames decoded per viewer in " + WINDOW.toSeconds() + " s: "
                + Arrays.toString(frames));
        for (long f : frames) {
            assertTrue(f >= MIN_FRAMES, what + ": frames decoded in 3 s: " + Arrays.toString(frames));
        }
    }
}
