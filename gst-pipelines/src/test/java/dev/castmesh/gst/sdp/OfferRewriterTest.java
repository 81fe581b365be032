package dev.castmesh.gst.sdp;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OfferRewriterTest {

    @Test
    void publisherLegKeepsTheChosenPayloadItsRtxFeedbackAndCongestionExtensions() {
        SessionDescription offer = SdpParser.parse(SdpSamples.resource("chrome-publish-offer.sdp"));
        String out = OfferRewriter.rewrite(offer, Map.of(0, 111, 1, 106), Direction.SENDONLY, Leg.PUBLISHER);
        SessionDescription narrowed = SdpParser.parse(out);
        assertEquals(List.of(111), payloadTypes(narrowed.media().get(0)));
        assertEquals(List.of(106, 107), payloadTypes(narrowed.media().get(1)));
        assertEquals("106", narrowed.media().get(1).format(107).orElseThrow().fmtp("apt").orElseThrow());
        assertEquals(List.of("ccm fir", "nack pli"), narrowed.media().get(1).formats().get(0).rtcpFeedback());
        assertEquals(List.of("transport-cc"), narrowed.media().get(0).formats().get(0).rtcpFeedback());
        assertTrue(out.contains("m=video 9 UDP/TLS/RTP/SAVPF 106 107\r\n"));
        assertEquals(List.of(new HeaderExtension(2, Leg.Extensions.ABS_SEND_TIME),
                new HeaderExtension(3, Leg.Extensions.TRANSPORT_CC)), narrowed.media().get(0).extensions());
        assertFalse(out.contains("ssrc-audio-level"));
        assertFalse(out.contains("toffset"));
        assertTrue(out.contains("a=ssrc-group:FID 2001 2002"));
        assertTrue(out.contains("a=ssrc:2001 cname:abc"));
        assertTrue(out.contains("a=group:BUNDLE 0 1"));
        assertTrue(out.endsWith("\r\n"));
    }

    @Test
    void viewerLegKeepsRepairButNoCongestionFeedbackOrExtensions() {
        SessionDescription offer = SdpParser.parse(SdpSamples.resource("chrome-publish-offer.sdp"));
        String out = OfferRewriter.rewrite(offer, Map.of(1, 96), Direction.SENDONLY, Leg.VIEWER);
        SessionDescription narrowed = SdpParser.parse(out);
        assertEquals(List.of(96, 97), payloadTypes(narrowed.media().get(1)));
        assertEquals(List.of("ccm fir", "nack", "nack pli"), narrowed.media().get(1).formats().get(0).rtcpFeedback());
        assertFalse(out.contains("a=extmap:"));
        assertEquals(Direction.INACTIVE, narrowed.media().get(0).direction());
    }

    @Test
    void aFormatWithoutRtxKeepsOnlyItself() {
        SessionDescription offer = SdpParser.parse(SdpSamples.offer(
                "m=video 9 UDP/TLS/RTP/SAVPF 96 97\na=mid:0\na=sendrecv\na=rtpmap:96 VP8/90000\na=rtpmap:97 rtx/90000"
                        + "\na=fmtp:97 apt=100"));
        SessionDescription out = SdpParser.parse(OfferRewriter.rewrite(offer, Map.of(0, 96), Direction.RECVONLY,
                Leg.VIEWER));
        assertEquals(List.of(96), payloadTypes(out.media().get(0)));
    }

    private static List<Integer> payloadTypes(MediaSection section) {
        return section.formats().stream().map(RtpFormat::payloadType).toList();
    }

    @Test
    void narrowsSendrecvAndDeactivatesUnusedSections() {
        SessionDescription offer = SdpParser.parse(SdpSamples.offer(
                "m=video 9 UDP/TLS/RTP/SAVPF 96\na=mid:0\na=sendrecv\na=rtpmap:96 VP8/90000",
                "m=video 9 UDP/TLS/RTP/SAVPF 98\na=mid:1\na=sendrecv\na=rtpmap:98 VP9/90000",
                "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\na=mid:2\na=sctp-port:5000"));
        SessionDescription out = SdpParser.parse(OfferRewriter.rewrite(offer, Map.of(0, 96), Direction.RECVONLY,
                Leg.VIEWER));
        assertEquals(Direction.RECVONLY, out.media().get(0).direction());
        assertEquals(Direction.INACTIVE, out.media().get(1).direction());
        assertEquals("application", out.media().get(2).media());
    }
}
