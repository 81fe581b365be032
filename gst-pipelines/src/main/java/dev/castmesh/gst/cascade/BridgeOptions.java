package dev.castmesh.gst.cascade;

import java.time.Duration;
import java.util.List;

/**
 * How a {@link CascadeBridge} connects.
 *
 * @param timeout    the longest each step may take: an offer exchange, the first key frame of a source, the outgoing
 *                   connection (so setting up a bridge takes at most about three times this)
 * @param iceServers STUN/TURN URLs for both webrtcbins ({@code stun:host:port}, {@code turn:user:pass@host:port})
 */
public record BridgeOptions(Duration timeout, List<String> iceServers) {
    public BridgeOptions {
        iceServers = List.copyOf(iceServers);
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    public static BridgeOptions of(Duration timeout) {
        return new BridgeOptions(timeout, List.of());
    }
}
