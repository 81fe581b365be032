package dev.castmesh.gst.client;

import dev.castmesh.gst.sdp.RtpFormat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The RTP formats the clients offer (payload type numbers are the caller's choice). */
final class ClientFormats {
    /** Constrained baseline, level 3.1: what browsers decode everywhere. */
    static final String H264_PROFILE_LEVEL_ID = "42e01f";
    private static final List<String> VIDEO_FEEDBACK = List.of("nack", "nack pli", "ccm fir");

    private ClientFormats() {
    }

    static RtpFormat vp8(int pt) {
        return new RtpFormat(pt, "VP8", 90000, "", Map.of(), VIDEO_FEEDBACK);
    }

    static RtpFormat h264(int pt) {
        Map<String, String> fmtp = new LinkedHashMap<>();
        fmtp.put("level-asymmetry-allowed", "1");
        fmtp.put("packetization-mode", "1");
        fmtp.put("profile-level-id", H264_PROFILE_LEVEL_ID);
        return new RtpFormat(pt, "H264", 90000, "", fmtp, VIDEO_FEEDBACK);
    }

    static RtpFormat opus(int pt) {
        Map<String, String> fmtp = new LinkedHashMap<>();
        fmtp.put("minptime", "10");
        fmtp.put("useinbandfec", "1");
        return new RtpFormat(pt, "OPUS", 48000, "2", fmtp, List.of());
    }

    static RtpFormat video(VideoCodec codec, int pt) {
        return codec == VideoCodec.VP8 ? vp8(pt) : h264(pt);
    }
}
