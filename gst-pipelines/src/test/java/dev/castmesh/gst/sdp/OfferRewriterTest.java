package dev.castmesh.gst.sdp;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OfferRewriterTest {

    @Test
    void keepsOnlyTheChosenPayloadAndDropsExtensionsAndRtx() {
        SessionDescription offer = SdpParser.parse(SdpSamples.resource("chrome-publish-offer.sdp"));
        String out = OfferRewriter.rewrite(offer, Map.of(0, 111, 1, 106), Direction.SENDONLY);
        SessionDescription narrowed = SdpParser.parse(out);
        assertEquals(1, narrowed.media().get(0).formats().size());
        assertEquals(106, narrowed.media().get(1).formats().get(0).payloadType());
        assertEquals(1, narrowed.media().get(1).formats().size());
        assertEquals(java.util.List.of("ccm fir", "nack pli"), narrowed.media().get(1).formats().get(0).rtcpFeedback());
        assertTrue(out.contains("m=video 9 UDP/TLS/RTP/SAVPF 106\r\n"));
        assertFalse(out.contains("a=extmap:"));
        assertFalse(out.contains("ssrc-group"));
        assertFalse(out.contains("a=ssrc:2002"));
        assertTrue(out.contains("a=ssrc:2001 cname:abc"));
        assertTrue(out.contains("a=group:BUNDLE 0 1"));
        assertTrue(out.endsWith("\r\n"));
    }

    @Test
    void narrowsSendrecvAndDeactivatesUnusedSections() {
        SessionDescription offer = SdpParser.parse(SdpSamples.offer(
                "m=video 9 UDP/TLS/RTP/SAVPF 96\na=mid:0\na=sendrecv\na=rtpmap:96 VP8/90000",
                "m=video 9 UDP/TLS/RTP/SAVPF 98\na=mid:1\na=sendrecv\na=rtpmap:98 VP9/90000",
                "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\na=mid:2\na=sctp-port:5000"));
        SessionDescription out = SdpParser.parse(OfferRewriter.rewrite(offer, Map.of(0, 96), Direction.RECVONLY));
        assertEquals(Direction.RECVONLY, out.media().get(0).direction());
        assertEquals(Direction.INACTIVE, out.media().get(1).direction());
        assertEquals("application", out.media().get(2).media());
    }
}
