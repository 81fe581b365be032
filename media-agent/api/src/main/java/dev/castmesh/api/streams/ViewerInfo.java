package dev.castmesh.api.streams;

import java.util.List;

/**
 * A session receiving a stream (WHEP): a viewer, or a cascade leg to another agent.
 *
 * @param sessionId     the {@code {session}} of {@code /session/{stream}/{session}}
 * @param role          {@code viewer}, {@code cascade-pull} (another agent pulls its copy from here) or
 *                      {@code cascade-push} (this agent pushes the stream to another)
 * @param state         NEGOTIATING, CONNECTING, CONNECTED, DISCONNECTED, FAILED or CLOSED
 * @param codecs        formats sent to this viewer with its payload types, e.g. {@code VP8/90000 pt=96}
 * @param bytesSent     RTP payload bytes sent since the session started
 * @param bitrateOutBps send rate, bits per second (last stats interval)
 */
public record ViewerInfo(String sessionId, String role, String state, List<String> codecs, long bytesSent, long bitrateOutBps) {
    public ViewerInfo {
        codecs = List.copyOf(codecs);
    }
}
