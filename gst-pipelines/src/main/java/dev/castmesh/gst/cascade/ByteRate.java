package dev.castmesh.gst.cascade;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Counts bytes (from streaming threads) and turns them into a rate over windows of about a second. */
final class ByteRate {
    private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final AtomicLong total = new AtomicLong();
    private long sampleNanos;
    private long sampleBytes;
    private long bitrateBps;

    void add(long bytes) {
        total.addAndGet(bytes);
    }

    long total() {
        return total.get();
    }

    /** Bits per second over the last complete window (a window closes when it is read after a second or more). */
    synchronized long bitrateBps(long nowNanos) {
        long elapsed = nowNanos - sampleNanos;
        if (sampleNanos == 0 || elapsed >= WINDOW_NANOS) {
            long bytes = total.get();
            if (sampleNanos != 0) {
                bitrateBps = (bytes - sampleBytes) * 8 * 1_000_000_000L / Math.max(1, elapsed);
            }
            sampleNanos = nowNanos;
            sampleBytes = bytes;
        }
        return bitrateBps;
    }
}
