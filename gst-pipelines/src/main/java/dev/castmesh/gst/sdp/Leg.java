package dev.castmesh.gst.sdp;

import java.util.Locale;
import java.util.Set;

/**
 * Which side of the engine a negotiation is for, and what it keeps of the peer's offer beyond the chosen format.
 * Both legs keep loss repair (NACK, the format's RTX, PLI/FIR). Only the publisher leg keeps congestion feedback
 * (transport-wide CC, REMB) and the header extensions it needs: its packets are forwarded unchanged, so extensions
 * negotiated with one viewer would be read by others with other ids; viewers therefore negotiate none. Pure.
 */
public enum Leg {
    /** The engine receives: a WHIP publisher, or the source side of a cascade. */
    PUBLISHER(Set.of("nack", "nack pli", "ccm fir", "transport-cc", "goog-remb"),
            Set.of(Extensions.TRANSPORT_CC, Extensions.ABS_SEND_TIME)),
    /** The engine sends: a WHEP viewer, or the target side of a cascade. */
    VIEWER(Set.of("nack", "nack pli", "ccm fir"), Set.of());

    private final Set<String> feedback;
    private final Set<String> extensions;

    Leg(Set<String> feedback, Set<String> extensions) {
        this.feedback = feedback;
        this.extensions = extensions;
    }

    /** @param type an {@code a=rtcp-fb} value after the payload type, e.g. {@code nack pli} */
    public boolean keepsFeedback(String type) {
        return feedback.contains(type.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT));
    }

    public boolean keepsExtension(String uri) {
        return extensions.contains(uri.trim());
    }

    /** Header extension URIs the engine knows. */
    public static final class Extensions {
        public static final String TRANSPORT_CC =
                "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01";
        public static final String ABS_SEND_TIME = "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time";

        private Extensions() {
        }
    }
}
