package dev.castmesh.gst.it;

import dev.castmesh.gst.client.PublishSource;
import dev.castmesh.gst.client.VideoCodec;
import dev.castmesh.gst.client.WhipClient;
import dev.castmesh.gst.errors.BadSdpException;
import dev.castmesh.gst.errors.SessionNotFoundException;
import dev.castmesh.gst.errors.StreamAlreadyPublishedException;
import dev.castmesh.gst.errors.StreamNotFoundException;
import dev.castmesh.gst.errors.UnsupportedCodecException;
import dev.castmesh.gst.hub.EngineOptions;
import dev.castmesh.gst.hub.MediaEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the engine answers (a browser offer) and what it refuses, with typed exceptions and readable messages. */
class NegotiationIT {
    private static final String HEAD = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
            + "a=group:BUNDLE 0\r\na=ice-ufrag:abcd\r\na=ice-pwd:0123456789012345678901\r\n"
            + "a=fingerprint:sha-256 AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99\r\n"
            + "a=setup:actpass\r\n";
    private static final String VP9_ONLY = HEAD + "m=video 9 UDP/TLS/RTP/SAVPF 98\r\nc=IN IP4 0.0.0.0\r\na=mid:0\r\n"
            + "a=rtcp-mux\r\na=%s\r\na=rtpmap:98 VP9/90000\r\n";
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
    void browserOfferIsAnsweredWithOneCodecAndItsRepairPerSectionAfterGathering() throws Exception {
        String offer;
        try (var in = NegotiationIT.class.getResourceAsStream("/chrome-publish-offer.sdp")) {
            offer = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        var answer = engine.publish("browser", offer);
        assertEquals(22, answer.sessionId().length());
        var sd = dev.castmesh.gst.sdp.SdpParser.parse(answer.sdp());
        assertEquals(List.of(111), sd.media().get(0).formats().stream().map(f -> f.payloadType()).toList());
        assertEquals(List.of(96, 97), sd.media().get(1).formats().stream().map(f -> f.payloadType()).toList());
        assertEquals("96", sd.media().get(1).format(97).orElseThrow().fmtp("apt").orElseThrow(), "RTX of VP8");
        assertTrue(sd.media().get(1).formats().get(0).rtcpFeedback().containsAll(List.of("nack", "nack pli",
                "transport-cc")), answer.sdp());
        // the sample offers abs-send-time and toffset on video, abs-send-time, audio level and TWCC on audio
        assertEquals(List.of(dev.castmesh.gst.sdp.Leg.Extensions.ABS_SEND_TIME),
                sd.media().get(1).extensions().stream().map(dev.castmesh.gst.sdp.HeaderExtension::uri).toList(),
                "congestion feedback extensions only");
        assertEquals(List.of(dev.castmesh.gst.sdp.Leg.Extensions.ABS_SEND_TIME,
                        dev.castmesh.gst.sdp.Leg.Extensions.TRANSPORT_CC),
                sd.media().get(0).extensions().stream().map(dev.castmesh.gst.sdp.HeaderExtension::uri).toList());
        assertEquals(dev.castmesh.gst.sdp.Direction.RECVONLY, sd.media().get(1).direction());
        assertTrue(answer.sdp().contains("a=candidate:"), "non-trickle answer carries its candidates");
        assertEquals(List.of("OPUS/48000/2", "VP8/90000"), engine.stream("browser").orElseThrow().publisher().codecs());
        engine.endStream("browser");
        assertTrue(engine.stream("browser").isEmpty());
    }

    @Test
    void secondPublisherIsRefused() throws Exception {
        try (WhipClient first = Media.publish(engine, "taken", VideoCodec.VP8)) {
            StreamAlreadyPublishedException e = assertThrows(StreamAlreadyPublishedException.class,
                    () -> WhipClient.start(PublishSource.test(VideoCodec.H264), EngineExchange.whip(engine, "taken"),
                            List.of(), Media.TIMEOUT));
            assertTrue(e.getMessage().contains("taken"), e.getMessage());
            assertEquals("CONNECTED", first.state());
            assertEquals(1, engine.streams().size());
        }
    }

    @Test
    void unsupportedCodecsAreRefusedWithTheSupportedList() throws Exception {
        UnsupportedCodecException publish = assertThrows(UnsupportedCodecException.class,
                () -> engine.publish("vp9", String.format(VP9_ONLY, "sendonly")));
        assertTrue(publish.getMessage().contains("VP8/90000") && publish.getMessage().contains("H264/90000")
                && publish.getMessage().contains("OPUS/48000/2"), publish.getMessage());
        assertTrue(engine.stream("vp9").isEmpty());
        try (WhipClient publisher = Media.publish(engine, "vp8only", VideoCodec.VP8)) {
            UnsupportedCodecException view = assertThrows(UnsupportedCodecException.class,
                    () -> engine.subscribe("vp8only", String.format(VP9_ONLY, "recvonly")));
            assertTrue(view.getMessage().contains("VP8/90000"), view.getMessage());
            assertEquals(0, engine.stream("vp8only").orElseThrow().viewers().size());
        }
    }

    @Test
    void missingStreamsSessionsAndBadSdpAreTyped() throws Exception {
        assertThrows(StreamNotFoundException.class, () -> engine.subscribe("nobody", String.format(VP9_ONLY, "recvonly")));
        assertThrows(StreamNotFoundException.class, () -> engine.endStream("nobody"));
        assertThrows(StreamNotFoundException.class,
                () -> engine.addRemoteCandidates("nobody", "x", "a=candidate:1 1 udp 1 127.0.0.1 9 typ host\r\n"));
        assertThrows(BadSdpException.class, () -> engine.publish("bad", "this is not sdp"));
        engine.endSession("nobody", "nothing");
        try (WhipClient publisher = Media.publish(engine, "present", VideoCodec.VP8)) {
            assertThrows(SessionNotFoundException.class,
                    () -> engine.addRemoteCandidates("present", "unknown", "a=candidate:1 1 udp 1 127.0.0.1 9 typ host\r\n"));
            assertThrows(BadSdpException.class, () -> engine.addRemoteCandidates("present", "unknown", "garbage"));
        }
    }
}
