package dev.castmesh.gst.sdp;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SsrcDeclarationTest {
    @Test
    void findsThePrimarySsrcAndSkipsRetransmission() {
        SessionDescription offer = SdpParser.parse(SdpSamples.offer(
                "m=audio 9 UDP/TLS/RTP/SAVPF 111\na=mid:0\na=rtpmap:111 opus/48000/2\na=ssrc:11 cname:x",
                "m=video 9 UDP/TLS/RTP/SAVPF 96 97\na=mid:1\na=rtpmap:96 VP8/90000\na=rtpmap:97 rtx/90000\n"
                        + "a=ssrc-group:FID 22 23\na=ssrc:23 cname:x\na=ssrc:22 cname:x\na=ssrc:22 msid:s v"));
        assertEquals(OptionalLong.of(11), SsrcDeclaration.primarySsrc(offer, 0));
        assertEquals(OptionalLong.of(22), SsrcDeclaration.primarySsrc(offer, 1));
        SessionDescription none = SdpParser.parse(SdpSamples.offer("m=video 9 UDP/TLS/RTP/SAVPF 96\na=mid:0\n"
                + "a=rtpmap:96 VP8/90000"));
        assertTrue(SsrcDeclaration.primarySsrc(none, 0).isEmpty());
    }

    @Test
    void declaresOneSsrcPerGivenSectionKeepingWebrtcbinsCname() {
        String answer = "v=0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\na=mid:video0\r\na=rtpmap:96 VP8/90000\r\n"
                + "a=ssrc:5 msid:user@host webrtctransceiver6\r\na=ssrc:5 cname:user@host\r\na=sendonly\r\n"
                + "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=mid:audio1\r\na=rtpmap:111 OPUS/48000/2\r\na=sendonly\r\n"
                + "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\na=mid:2\r\n";
        String patched = SsrcDeclaration.declare(answer, Map.of(0, 3_000_000_000L, 1, 42L), "live/cam 1", "fallback");
        assertEquals("v=0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\na=mid:video0\r\na=rtpmap:96 VP8/90000\r\na=sendonly\r\n"
                + "a=msid:live-cam-1 video-3000000000\r\na=ssrc:3000000000 cname:user@host\r\n"
                + "a=ssrc:3000000000 msid:live-cam-1 video-3000000000\r\n"
                + "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=mid:audio1\r\na=rtpmap:111 OPUS/48000/2\r\na=sendonly\r\n"
                + "a=msid:live-cam-1 audio-42\r\na=ssrc:42 cname:user@host\r\na=ssrc:42 msid:live-cam-1 audio-42\r\n"
                + "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\na=mid:2\r\n", patched);
        assertFalse(patched.contains("a=ssrc:5 "), patched);
        assertTrue(SsrcDeclaration.declare("v=0\r\nm=video 9 X 96\r\n", Map.of(0, 7L), "s", "fb")
                .contains("a=ssrc:7 cname:fb\r\n"));
    }

    @Test
    void keepsTheRtxSsrcWebrtcbinPairedWithTheDeclaredSsrc() {
        String answer = "v=0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96 97\r\na=mid:0\r\na=rtpmap:96 VP8/90000\r\n"
                + "a=rtpmap:97 rtx/90000\r\na=fmtp:97 apt=96\r\na=ssrc-group:FID 11 12\r\na=ssrc:11 cname:c\r\n"
                + "a=ssrc:12 cname:c\r\na=sendonly\r\n";
        String patched = SsrcDeclaration.declare(answer, Map.of(0, 11L), "s", "fb");
        assertTrue(patched.contains("a=ssrc-group:FID 11 12\r\na=ssrc:11 cname:c\r\na=ssrc:11 msid:s video-11\r\n"
                + "a=ssrc:12 cname:c\r\na=ssrc:12 msid:s video-11\r\n"), patched);
        String other = SsrcDeclaration.declare(answer, Map.of(0, 99L), "s", "fb");
        assertFalse(other.contains("FID"), "an RTX pairing for another SSRC is dropped: " + other);
        assertFalse(other.contains("a=ssrc:12"), other);
    }
}
