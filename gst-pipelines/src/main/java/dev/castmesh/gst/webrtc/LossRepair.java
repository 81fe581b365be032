package dev.castmesh.gst.webrtc;

import java.time.Duration;

/**
 * How a webrtcbin repairs loss: NACK what it misses and answer NACKs with RTX, and how long its jitter buffer waits
 * for a retransmission before it lets a gap through (about 1.5 round trips plus a margin).
 *
 * @param enabled whether NACK/RTX is negotiated at all (off: key-frame requests only, as before)
 * @param jitterBuffer the receive jitter buffer's latency, 20 ms to 2 s
 */
public record LossRepair(boolean enabled, Duration jitterBuffer) {
    /** On, with 200 ms: enough for a retransmission on a 100 ms round-trip path. */
    public static final LossRepair DEFAULT = new LossRepair(true, Duration.ofMillis(200));

    public LossRepair {
        if (jitterBuffer == null || jitterBuffer.toMillis() < 20 || jitterBuffer.toMillis() > 2000) {
            throw new IllegalArgumentException("jitter buffer must be 20 to 2000 ms, got " + jitterBuffer);
        }
    }
}
