package dev.castmesh.api.http;

/**
 * The largest SDP body (a WHIP/WHEP offer, a trickle fragment) the servers take: the agent's default
 * {@code [webrtc] max_sdp_bytes}, and the control plane's fixed cap, so an oversized offer is refused at the door
 * instead of being carried to an agent. Browsers send 5–15 KB.
 */
public final class SdpBodies {
    public static final int MAX_BYTES = 64 * 1024;

    private SdpBodies() {
    }

    /** The message of the 400 {@code bad_sdp} answer, as the agent words it. */
    public static String tooLarge(String what) {
        return "the SDP " + what + " is larger than " + MAX_BYTES + " bytes";
    }
}
