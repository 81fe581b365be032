package dev.castmesh.api.streams;

import java.util.List;

/**
 * The publisher (WHIP) session of a stream.
 *
 * @param sessionId     the {@code {session}} of {@code /session/{stream}/{session}}
 * @param state         NEGOTIATING, CONNECTING, CONNECTED, DISCONNECTED, FAILED or CLOSED
 * @param codecs        accepted formats, e.g. {@code VP8/90000}, {@code OPUS/48000/2}
 * @param bytesReceived RTP payload bytes received since the session started
 * @param bitrateInBps  receive rate, bits per second (last stats interval)
 */
public record PublisherInfo(String sessionId, String state, List<String> codecs, long bytesReceived, long bitrateInBps) {
    public PublisherInfo {
        codecs = List.copyOf(codecs);
    }
}
