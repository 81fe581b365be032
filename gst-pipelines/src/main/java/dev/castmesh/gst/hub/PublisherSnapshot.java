package dev.castmesh.gst.hub;

import java.util.List;

/**
 * @param codecs the accepted formats, e.g. {@code VP8/90000}, {@code OPUS/48000/2}
 * @param bytesReceived RTP payload bytes received since the session started
 * @param bitrateBps receive rate over the last stats interval, bits per second
 */
public record PublisherSnapshot(String sessionId, SessionState state, List<String> codecs, long bytesReceived,
                                long bitrateBps) {

    public PublisherSnapshot {
        codecs = List.copyOf(codecs);
    }
}
