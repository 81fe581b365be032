package dev.castmesh.gst.sdp;

/**
 * What an offer (or a trickle fragment) may ask of the engine before anything is built for it: every m-line becomes
 * a transceiver and every candidate a connectivity check, so an offer of 200 m-lines would otherwise build 200 of
 * them. Checked while the offer is parsed, before any element exists.
 *
 * @param maxBytes         longest offer or fragment, in characters (default 64 KiB; browsers send 5–15 KB)
 * @param maxMediaSections most m-lines in one offer (default 8: audio + video with room to spare)
 * @param maxCandidates    most {@code a=candidate} lines in one offer or fragment (default 64)
 */
public record SdpLimits(int maxBytes, int maxMediaSections, int maxCandidates) {
    public static final SdpLimits DEFAULT = new SdpLimits(64 * 1024, 8, 64);

    public SdpLimits {
        if (maxBytes < 1024 || maxMediaSections < 1 || maxCandidates < 1) {
            throw new IllegalArgumentException("SDP limits must be positive (maxBytes at least 1024): " + maxBytes
                    + ", " + maxMediaSections + ", " + maxCandidates);
        }
    }
}
