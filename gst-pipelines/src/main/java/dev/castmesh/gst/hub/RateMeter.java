package dev.castmesh.gst.hub;

import java.time.Duration;
import java.time.Instant;

/** Turns cumulative byte counters into a bitrate over the last sample interval. Pure. */
final class RateMeter {
    private long total;
    private Instant at;
    private long bitrateBps;

    void sample(long cumulativeBytes, Instant now) {
        if (at != null && cumulativeBytes >= total) {
            long millis = Duration.between(at, now).toMillis();
            if (millis > 0) {
                bitrateBps = (cumulativeBytes - total) * 8_000 / millis;
            }
        }
        total = cumulativeBytes;
        at = now;
    }

    long total() {
        return total;
    }

    long bitrateBps() {
        return bitrateBps;
    }
}
