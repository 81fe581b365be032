package dev.castmesh.agent.recording;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Delay before retrying after {@code failures} failures in a row: {@code first} doubled per failure, capped at
 * {@code cap}, times a jitter factor in [0.5, 1.0). Pure apart from the injected random source.
 */
final class RetryDelay {
    private final Duration first;
    private final Duration cap;
    private final DoubleSupplier random;

    RetryDelay(Duration first, Duration cap, DoubleSupplier random) {
        this.first = first;
        this.cap = cap.compareTo(first) < 0 ? first : cap;
        this.random = random;
    }

    /** @param failures failures in a row, at least 1 */
    Duration after(int failures) {
        int doublings = Math.max(0, Math.min(failures - 1, 20));
        long millis = Math.min(first.toMillis() << doublings, cap.toMillis());
        double factor = 0.5 + 0.5 * Math.max(0, Math.min(random.getAsDouble(), 1.0));
        return Duration.ofMillis(Math.max(1, Math.round(millis * factor)));
    }
}
