package dev.castmesh.gst.hub;

import java.util.List;

/**
 * @param role why the session receives the stream
 * @param codecs the formats sent to this viewer with its payload types, e.g. {@code VP8/90000 pt=96}
 * @param bytesSent RTP payload bytes sent since the session started
 * @param bitrateBps send rate over the last stats interval, bits per second
 */
public record ViewerSnapshot(String sessionId, SessionRole role, SessionState state, List<String> codecs,
                             long bytesSent, long bitrateBps) {

    public ViewerSnapshot {
        codecs = List.copyOf(codecs);
    }

    /** Not failed or closed: it holds its place (a viewer still connecting holds its seat). */
    public boolean active() {
        return state != SessionState.CLOSED && state != SessionState.FAILED;
    }
}
