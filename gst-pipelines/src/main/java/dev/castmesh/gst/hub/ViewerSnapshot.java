package dev.castmesh.gst.hub;

import java.util.List;

/**
 * @param codecs the formats sent to this viewer with its payload types, e.g. {@code VP8/90000 pt=96}
 * @param bytesSent RTP payload bytes sent since the session started
 * @param bitrateBps send rate over the last stats interval, bits per second
 */
public record ViewerSnapshot(String sessionId, SessionState state, List<String> codecs, long bytesSent,
                             long bitrateBps) {

    public ViewerSnapshot {
        codecs = List.copyOf(codecs);
    }
}
