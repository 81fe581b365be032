package dev.castmesh.gst.webrtc;

import java.util.function.LongSupplier;

/**
 * A token bucket of retransmissions: {@code perSecond} refill, at most one second's worth saved up. Pure, apart from
 * the clock it is given; thread-safe.
 */
final class RetransmissionBudget {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long perSecond;
    private final LongSupplier nanoTime;
    private double tokens;
    private long refilledAt;

    RetransmissionBudget(int perSecond, LongSupplier nanoTime) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("retransmissions per second must be at least 1, got " + perSecond);
        }
        this.perSecond = perSecond;
        this.nanoTime = nanoTime;
        this.tokens = perSecond;
        this.refilledAt = nanoTime.getAsLong();
    }

    /** Takes one retransmission from the budget; false when it is spent. */
    synchronized boolean tryTake() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(perSecond, tokens + (double) (now - refilledAt) * perSecond / NANOS_PER_SECOND);
        refilledAt = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
