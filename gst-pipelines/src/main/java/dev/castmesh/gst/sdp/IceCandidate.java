package dev.castmesh.gst.sdp;

/**
 * A remote ICE candidate from a trickle-ice-sdpfrag body.
 *
 * @param mid the {@code a=mid} of the section it appeared in, or empty
 * @param fragmentIndex the index of that section in the fragment (0 when there is no m= line)
 * @param candidate the attribute without {@code a=}, e.g. {@code candidate:1 1 UDP 2130706431 ...}
 */
public record IceCandidate(String mid, int fragmentIndex, String candidate) {
}
