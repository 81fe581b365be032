package dev.castmesh.gst.sdp;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnswerPatcherTest {
    private static final SessionDescription OFFER = SdpParser.parse(SdpSamples.offer(
            "m=audio 9 UDP/TLS/RTP/SAVPF 111\na=mid:0\na=rtpmap:111 opus/48000/2\na=fmtp:111 minptime=10",
            "m=video 9 UDP/TLS/RTP/SAVPF 102 120\na=mid:1\na=rtpmap:102 H264/90000\n"
                    + "a=fmtp:102 packetization-mode=1;profile-level-id=42e01f\na=rtpmap:120 H264/90000\n"
                    + "a=fmtp:120 packetization-mode=1;profile-level-id=4d001f"));

    @Test
    void putsTheOfferedProfileBackIntoH264Fmtp() {
        String answer = "v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=rtpmap:111 OPUS/48000/2\r\na=fmtp:111 minptime=10\r\n"
                + "m=video 9 UDP/TLS/RTP/SAVPF 102\r\na=rtpmap:102 H264/90000\r\na=fmtp:102 packetization-mode=1\r\n";
        String patched = AnswerPatcher.restoreH264ProfileLevelId(answer, OFFER);
        assertTrue(patched.contains("a=fmtp:102 packetization-mode=1;profile-level-id=42e01f\r\n"), patched);
        assertTrue(patched.contains("a=fmtp:111 minptime=10\r\n"), patched);
    }

    @Test
    void addsAMissingFmtpLineAndLeavesCompleteAnswersAlone() {
        String bare = "v=0\r\nm=audio 9 X 111\r\nm=video 9 X 120\r\na=rtpmap:120 H264/90000\r\na=recvonly\r\n";
        assertEquals("v=0\r\nm=audio 9 X 111\r\nm=video 9 X 120\r\na=rtpmap:120 H264/90000\r\n"
                + "a=fmtp:120 profile-level-id=4d001f\r\na=recvonly\r\n", AnswerPatcher.restoreH264ProfileLevelId(bare, OFFER));
        String complete = "v=0\r\nm=audio 9 X 111\r\nm=video 9 X 102\r\na=rtpmap:102 H264/90000\r\n"
                + "a=fmtp:102 profile-level-id=42e01f\r\n";
        assertEquals(complete, AnswerPatcher.restoreH264ProfileLevelId(complete, OFFER));
    }
}
