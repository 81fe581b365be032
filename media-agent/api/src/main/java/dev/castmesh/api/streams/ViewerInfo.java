package dev.castmesh.api.streams;

import java.util.List;

/**
 * A viewer (WHEP) session of a stream.
 *
 * @param sessionId     the {@code {session}} of {@code /session/{stream}/{session}}
 * @param state         NEGOTIATING, CONNECTING, CONNECTED, DISCONNECTED, FAILED or CLOSED
 * @param codecs        formats sent to this viewer with its payload types, e.g. {@code VP8/90000 pt=96}
 * @param bytesSent     RTP payload bytes sent since the session started
 * @param bitrateOutBps send rate, bits per second (last stats interval)
 */
public record ViewerInfo(String sessionId, String state, List<String> codecs, long bytesSent, long bitrateOutBps) {
    public ViewerInfo {
        codecs = List.copyOf(codecs);
    }
}
