package dev.castmesh.gst.sdp;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Renders an RTP format as GStreamer {@code application/x-rtp} caps text, the way webrtcbin reads SDP. Pure. */
public final class RtpCaps {
    /** The RTCP feedback types the engine negotiates (it neither sends REMB nor has transport-cc extensions). */
    public static final Set<String> FEEDBACK = Set.of("nack", "nack pli", "ccm fir");

    private RtpCaps() {
    }

    /** Everything the format says: payload, encoding, fmtp parameters, feedback (for offers). */
    public static String of(MediaKind kind, RtpFormat format) {
        return render(kind, format, true);
    }

    /**
     * Codec preferences for a sending pad: payload, encoding and feedback but no fmtp parameters. The
     * answer still carries the offerer's fmtp (an answer keeps the offer's fields these caps lack), while
     * the packets' own caps (profile-level-id, sprop-*) can never conflict with the preferences.
     */
    public static String forSending(MediaKind kind, RtpFormat format) {
        return render(kind, format, false);
    }

    /**
     * Like {@link #forSending(MediaKind, RtpFormat)} for packets of a known SSRC: webrtcbin then pairs an RTX SSRC with
     * it in its answer ({@code a=ssrc-group:FID}) and configures its RTX sender with the same pair.
     */
    public static String forSending(MediaKind kind, RtpFormat format, long ssrc) {
        return render(kind, format, false) + ", ssrc=(uint)" + ssrc;
    }

    /**
     * Codec preferences for a receiving transceiver: everything the format says plus the header extensions to
     * negotiate. webrtcbin 1.22 answers only the extensions its transceiver's preferences name, and its RTP session
     * reads the transport-wide CC id from them to send feedback.
     */
    public static String forReceiving(MediaKind kind, RtpFormat format, List<HeaderExtension> extensions) {
        StringBuilder caps = new StringBuilder(render(kind, format, true));
        for (HeaderExtension e : extensions) {
            caps.append(", extmap-").append(e.id()).append("=(string)").append(quote(e.uri()));
        }
        return caps.toString();
    }

    private static String render(MediaKind kind, RtpFormat format, boolean withFmtp) {
        StringBuilder caps = new StringBuilder("application/x-rtp, media=(string)").append(kind.token())
                .append(", payload=(int)").append(format.payloadType())
                .append(", clock-rate=(int)").append(format.clockRate())
                .append(", encoding-name=(string)").append(format.encodingName().toUpperCase(Locale.ROOT));
        if (!format.encodingParams().isEmpty()) {
            caps.append(", encoding-params=(string)").append(quote(format.encodingParams()));
        }
        for (Map.Entry<String, String> p : format.fmtp().entrySet()) {
            if (withFmtp && p.getKey().matches("[a-z0-9][a-z0-9_-]*") && !p.getKey().equals("payload")) {
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
