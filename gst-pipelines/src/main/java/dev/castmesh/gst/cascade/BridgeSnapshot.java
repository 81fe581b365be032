package dev.castmesh.gst.cascade;

import java.util.List;

/**
 * An immutable view of one {@link CascadeBridge}.
 *
 * @param state            CONNECTING, LIVE, FAILED or CLOSED
 * @param codecs           the formats carried, e.g. {@code VP8/90000}, {@code OPUS/48000/2}
 * @param bytesReceived    media bytes received from the sources (after depayloading) since the bridge started
 * @param bitrateBps       receive rate over the last second or so, bits per second
 * @param lastPacketAgeMs  milliseconds since the last media from a source arrived, -1 before the first
 * @param attachments      sources attached so far (1 + re-attachments)
 * @param keyframeRequests key-frame requests (PLI/FIR) of the target forwarded to the source
 */
public record BridgeSnapshot(String state, List<String> codecs, long bytesReceived, long bitrateBps, long lastPacketAgeMs,
                             int attachments, long keyframeRequests) {
    public BridgeSnapshot {
        codecs = List.copyOf(codecs);
    }
}
