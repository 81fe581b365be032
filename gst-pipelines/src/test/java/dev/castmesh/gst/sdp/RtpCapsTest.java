package dev.castmesh.gst.sdp;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RtpCapsTest {

    @Test
    void rendersFormatAsWebrtcbinCaps() {
        RtpFormat f = new RtpFormat(120, "h264", 90000, "",
                new java.util.LinkedHashMap<>(Map.of("packetization-mode", "1")), List.of("nack pli", "goog-remb"));
        assertEquals("application/x-rtp, media=(string)video, payload=(int)120, clock-rate=(int)90000, "
                + "encoding-name=(string)H264, packetization-mode=(string)\"1\", rtcp-fb-nack-pli=(boolean)true",
                RtpCaps.of(MediaKind.VIDEO, f));
        RtpFormat opus = new RtpFormat(109, "opus", 48000, "2", Map.of(), List.of());
        assertEquals("application/x-rtp, media=(string)audio, payload=(int)109, clock-rate=(int)48000, "
                + "encoding-name=(string)OPUS, encoding-params=(string)\"2\"", RtpCaps.of(MediaKind.AUDIO, opus));
    }
}
