package dev.castmesh.gst.hub;

import dev.castmesh.gst.sdp.SdpLimits;
import dev.castmesh.gst.webrtc.LossRepair;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Media engine configuration.
 *
 * @param stunTurnUrls ICE servers: {@code stun:host:port}, {@code turn:user:pass@host:port} (may be empty)
 * @param negotiationTimeout the longest a publish/subscribe call waits for its answer (incl. ICE gathering)
 * @param sessionIdleTimeout a session that has not connected, or has been silent, this long is ended;
 *                           RTCP-based silence of viewers is never judged on less than 12 s
 * @param repair NACK/RTX on publishers, viewers and cascade legs, and the publishers' jitter buffer
 * @param sdpLimits what one offer or trickle fragment may contain (m-lines, candidates, size)
 * @param maxStreams most streams (publishers and cascade copies) this engine carries at once; the next publish
 *                   fails with {@link dev.castmesh.gst.errors.EngineFullException}
 */
public record EngineOptions(List<String> stunTurnUrls, Duration negotiationTimeout, Duration sessionIdleTimeout,
                            LossRepair repair, SdpLimits sdpLimits, int maxStreams) {

    public static final int DEFAULT_MAX_STREAMS = 100;

    public EngineOptions {
        stunTurnUrls = List.copyOf(Objects.requireNonNull(stunTurnUrls, "stunTurnUrls"));
        requirePositive(negotiationTimeout, "negotiationTimeout");
        requirePositive(sessionIdleTimeout, "sessionIdleTimeout");
        Objects.requireNonNull(repair, "repair");
        Objects.requireNonNull(sdpLimits, "sdpLimits");
        if (maxStreams < 1) {
            throw new IllegalArgumentException("maxStreams must be at least 1");
        }
    }

    /** No ICE servers, 10 s negotiation timeout, 30 s idle timeout, loss repair on, default SDP limits, 100 streams. */
    public static EngineOptions defaults() {
        return new EngineOptions(List.of(), Duration.ofSeconds(10), Duration.ofSeconds(30), LossRepair.DEFAULT,
                SdpLimits.DEFAULT, DEFAULT_MAX_STREAMS);
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be a positive duration");
        }
    }
}
