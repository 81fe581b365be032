package dev.castmesh.agent.retry;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Delay before the next attempt after {@code failures} failures in a row: {@code base} doubled per failure (so the
 * first retry waits twice the base: a heartbeat's interval is its base), capped, then scaled by a jitter factor in
 * [0.5, 1.0) so that many agents do not retry in lock-step. Pure apart from the injected random source.
 */
public final class Backoff {
    public static final Duration DEFAULT_CAP = Duration.ofSeconds(30);

    private final Duration interval;
    private final Duration cap;
    private final DoubleSupplier random;

    public Backoff(Duration interval, Duration cap, DoubleSupplier random) {
        this.interval = interval;
        this.cap = cap.compareTo(interval) < 0 ? interval : cap;
        this.random = random;
    }

    /** Full cap with jitter: for failures that retrying soon will not fix (a wrong secret). */
    public Duration atCap() {
        return jitter(cap);
    }

    /** @param failures failures in a row, at least 1 */
    public Duration after(int failures) {
        if (failures <= 0) {
            return interval;
        }
        int doublings = Math.min(failures, 20);
        long millis = interval.toMillis() << doublings;
        return jitter(Duration.ofMillis(Math.min(millis, cap.toMillis())));
    }

    private Duration jitter(Duration base) {
        double factor = 0.5 + 0.5 * Math.max(0, Math.min(random.getAsDouble(), 1.0));
        return Duration.ofMillis(Math.max(1, Math.round(base.toMillis() * factor)));
    }
}
