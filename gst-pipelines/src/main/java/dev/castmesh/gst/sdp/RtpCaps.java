package dev.castmesh.gst.sdp;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Renders an RTP format as GStreamer {@code application/x-rtp} caps text, the way webrtcbin reads SDP. Pure. */
public final class RtpCaps {
    /** The RTCP feedback types the engine negotiates (it neither sends REMB nor has transport-cc extensions). */
    public static final Set<String> FEEDBACK = Set.of("nack", "nack pli", "ccm fir");

    private RtpCaps() {
    }

    public static String of(MediaKind kind, RtpFormat format) {
        StringBuilder caps = new StringBuilder("application/x-rtp, media=(string)").append(kind.token())
                .append(", payload=(int)").append(format.payloadType())
                .append(", clock-rate=(int)").append(format.clockRate())
                .append(", encoding-name=(string)").append(format.encodingName().toUpperCase(Locale.ROOT));
        if (!format.encodingParams().isEmpty()) {
            caps.append(", encoding-params=(string)").append(quote(format.encodingParams()));
        }
        for (Map.Entry<String, String> p : format.fmtp().entrySet()) {
            if (p.getKey().matches("[a-z0-9][a-z0-9_-]*") && !p.getKey().equals("payload")) {
                caps.append(", ").append(p.getKey()).append("=(string)").append(quote(p.getValue()));
            }
        }
        for (String fb : format.rtcpFeedback()) {
            if (FEEDBACK.contains(fb)) {
                caps.append(", rtcp-fb-").append(fb.replace(' ', '-')).append("=(boolean)true");
            }
        }
        return caps.toString();
    }

    static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
