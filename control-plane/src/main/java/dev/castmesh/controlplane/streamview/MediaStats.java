package dev.castmesh.controlplane.streamview;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Liveman's media counters of a session or one direction of a stream.
 *
 * @param bytes   RTP payload bytes since the session started (cumulative)
 * @param packets RTP packets (cumulative); 0: our agents do not report packet counts
 * @param bitrate bits per second over the agent's last stats interval
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MediaStats(long bytes, long packets, long bitrate) {
    public static final MediaStats ZERO = new MediaStats(0, 0, 0);

    public MediaStats plus(MediaStats other) {
        return new MediaStats(bytes + other.bytes, packets + other.packets, bitrate + other.bitrate);
    }
}
