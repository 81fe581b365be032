package dev.castmesh.gst.sdp;

import dev.castmesh.gst.errors.BadSdpException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SdpParserTest {

    @Test
    void parsesBrowserOfferSectionsFormatsAndParameters() {
        SessionDescription sd = SdpParser.parse(SdpSamples.resource("chrome-publish-offer.sdp"));
        assertEquals("Wf3m", sd.iceUfrag());
        assertEquals(2, sd.media().size());
        MediaSection audio = sd.media().get(0);
        assertEquals(MediaKind.AUDIO, audio.kind().orElseThrow());
        assertEquals("0", audio.mid());
        assertEquals(Direction.SENDONLY, audio.direction());
        RtpFormat opus = audio.format(111).orElseThrow();
        assertEquals("OPUS/48000/2", opus.label());
        assertEquals("1", opus.fmtp("useinbandfec").orElseThrow());
        MediaSection video = sd.media().get(1);
        assertEquals(12, video.formats().size());
        RtpFormat h264 = video.format(106).orElseThrow();
        assertEquals("42e01f", h264.fmtp("profile-level-id").orElseThrow());
        assertEquals(java.util.List.of("ccm fir", "nack pli"), h264.rtcpFeedback());
        assertEquals(1, sd.indexOfMid("1").orElseThrow());
    }

    @Test
    void readsHeaderExtensionsAndIgnoresUnusableOnes() {
        SessionDescription sd = SdpParser.parse(SdpSamples.offer("m=video 9 UDP/TLS/RTP/SAVPF 96\na=mid:0\n"
                + "a=rtpmap:96 VP8/90000\na=extmap:3 http://example/a\na=extmap:4/sendonly urn:b\na=extmap:x urn:c\n"
                + "a=extmap:0 urn:d\na=extmap:7"));
        assertEquals(java.util.List.of(new HeaderExtension(3, "http://example/a"), new HeaderExtension(4, "urn:b")),
                sd.media().get(0).extensions());
    }

    @Test
    void toleratesLfLineEndingsAndWildcardFeedback() {
        String sdp = SdpSamples.offer("m=video 9 UDP/TLS/RTP/SAVPF 100\na=mid:v\na=rtpmap:100 VP8/90000\n"
                + "a=rtcp-fb:* nack pli\na=recvonly").replace("\r\n", "\n");
        RtpFormat vp8 = SdpParser.parse(sdp).media().get(0).format(100).orElseThrow();
        assertEquals(java.util.List.of("nack pli"), vp8.rtcpFeedback());
        assertEquals(Direction.RECVONLY, SdpParser.parse(sdp).media().get(0).direction());
    }

    @Test
    void rejectsWhatIsNotUsableWithClientReadableMessages() {
        assertTrue(assertThrows(BadSdpException.class, () -> SdpParser.parse("hello")).getMessage()
                .contains("v=0"));
        assertThrows(BadSdpException.class, () -> SdpParser.parse(""));
        assertTrue(assertThrows(BadSdpException.class, () -> SdpParser.parse(
                "v=0\r\ns=-\r\na=ice-ufrag:x\r\na=fingerprint:sha-256 AA\r\n")).getMessage().contains("no media"));
        assertTrue(assertThrows(BadSdpException.class, () -> SdpParser.parse(
                "v=0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\na=fingerprint:sha-256 AA\r\n")).getMessage()
                .contains("ice-ufrag"));
        assertTrue(assertThrows(BadSdpException.class, () -> SdpParser.parse(
                "v=0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\na=ice-ufrag:x\r\n")).getMessage().contains("fingerprint"));
        assertThrows(BadSdpException.class, () -> SdpParser.parse(SdpSamples.offer("m=video nine UDP/TLS/RTP/SAVPF 96")));
        assertThrows(BadSdpException.class, () -> SdpParser.parse(SdpSamples.offer("m=video 9 UDP/TLS/RTP/SAVPF 300")));
        assertThrows(BadSdpException.class, () -> SdpParser.parse(SdpSamples.offer(
                "m=video 9 UDP/TLS/RTP/SAVPF 96\na=rtpmap:96 VP8")));
    }

    @Test
    void h264ProfilesFollowRfc6184() {
        assertEquals(H264Profile.CONSTRAINED_BASELINE, H264Profile.parse("42e01f"));
        assertEquals(H264Profile.CONSTRAINED_BASELINE, H264Profile.parse("42C01E"));
        assertEquals(H264Profile.BASELINE, H264Profile.parse("42001f"));
        assertEquals(H264Profile.MAIN, H264Profile.parse("4d001f"));
        assertEquals(H264Profile.CONSTRAINED_BASELINE, H264Profile.parse("4d801f"));
        assertEquals(H264Profile.HIGH, H264Profile.parse("640c1f"));
        assertEquals(H264Profile.OTHER, H264Profile.parse("zz"));
        assertTrue(H264Profile.CONSTRAINED_BASELINE.decodableBy(H264Profile.BASELINE));
        assertTrue(H264Profile.MAIN.decodableBy(H264Profile.HIGH));
        assertTrue(!H264Profile.MAIN.decodableBy(H264Profile.CONSTRAINED_BASELINE));
    }
}
