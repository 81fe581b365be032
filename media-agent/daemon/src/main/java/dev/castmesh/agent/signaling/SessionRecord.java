package dev.castmesh.agent.signaling;

/**
 * What the HTTP layer remembers of a WHIP/WHEP session: its ETag and the remote ICE credentials of the
 * offer, to check {@code PATCH} requests. The media state itself is the engine's.
 */
record SessionRecord(String stream, String sessionId, Role role, String etag, IceCredentials remoteIce) {
    enum Role { PUBLISHER, VIEWER }
}
