package dev.castmesh.gst.hub;

import java.time.Duration;
import java.time.Instant;

/**
 * At most one keyframe request per interval; a request refused now stays pending so it is sent as soon
 * as the interval allows (a viewer that joins just after another still gets its keyframe). Pure.
 */
final class KeyframeLimiter {
    private final Duration interval;
    private Instant last = Instant.MIN;
    private boolean pending;

    KeyframeLimiter(Duration interval) {
        this.interval = interval;
    }

    /** Records that a keyframe is wanted. */
    void want() {
        pending = true;
    }

    /** How long until a pending request may be sent (zero if now), or empty if none is pending. */
    java.util.Optional<Duration> waitFor(Instant now) {
        if (!pending) {
            return java.util.Optional.empty();
        }
        if (last == Instant.MIN || !now.isBefore(last.plus(interval))) {
            return java.util.Optional.of(Duration.ZERO);
        }
        return java.util.Optional.of(Duration.between(now, last.plus(interval)));
    }

    /** True (and clears the pending flag) when a wanted request may be sent now. */
    boolean due(Instant now) {
        if (!pending || (last != Instant.MIN && now.isBefore(last.plus(interval)))) {
            return false;
        }
        pending = false;
        last = now;
        return true;
    }
}
