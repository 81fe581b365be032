package dev.castmesh.gst.webrtc;

import java.time.Duration;

/**
 * How a webrtcbin repairs loss: NACK what it misses and answer NACKs with RTX, and how long its jitter buffer waits
 * for a retransmission before it lets a gap through (about 1.5 round trips plus a margin).
 *
 * @param enabled whether NACK/RTX is negotiated at all (off: key-frame requests only, as before)
 * @param jitterBuffer the receive jitter buffer's latency, 20 ms to 2 s
 * @param retransmissionsPerSecond how many NACKed packets one peer gets retransmitted a second at most (with up
 *                                 to a second's worth at once); requests over it are dropped
 */
public record LossRepair(boolean enabled, Duration jitterBuffer, int retransmissionsPerSecond) {
    /**
     * A viewer losing 10 % of a 4 Mbit/s stream asks for about 40 a second; 10 % of 2 000 packets a second (20 Mbit/s)
     * would still fit.
     */
    public static final int DEFAULT_RETRANSMISSIONS_PER_SECOND = 200;
    /** On, with 200 ms: enough for a retransmission on a 100 ms round-trip path. */
    public static final LossRepair DEFAULT = new LossRepair(true, Duration.ofMillis(200), DEFAULT_RETRANSMISSIONS_PER_SECOND);

    public LossRepair {
        if (jitterBuffer == null || jitterBuffer.toMillis() < 20 || jitterBuffer.toMillis() > 2000) {
            throw new IllegalArgumentException("jitter buffer must be 20 to 2000 ms, got " + jitterBuffer);
        }
        if (retransmissionsPerSecond < 1 || retransmissionsPerSecond > 100_000) {
            throw new IllegalArgumentException("retransmissions per second must be 1 to 100000, got " + retransmissionsPerSecond);
        }
    }
}
