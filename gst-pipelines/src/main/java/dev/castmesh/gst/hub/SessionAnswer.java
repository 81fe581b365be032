package dev.castmesh.gst.hub;

/**
 * The answer to a WHIP/WHEP offer.
 *
 * @param sessionId opaque, URL-safe, unguessable; names the session in later calls
 * @param sdp the complete answer (ICE gathering finished, candidates included)
 */
public record SessionAnswer(String sessionId, String sdp) {
}
