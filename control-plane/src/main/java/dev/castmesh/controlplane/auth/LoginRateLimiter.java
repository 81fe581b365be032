package dev.castmesh.controlplane.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Limits failed logins per client address: at most {@code maxFailures} in any sliding {@code window}
 * (default 5 per minute). A blocked client is told how long to wait. Successful logins do not clear the
 * count, so one known account cannot be used to keep guessing another. At most {@code maxClients}
 * addresses are tracked; beyond that the least recently failing one is forgotten. Pure: no I/O, the
 * time comes from the injected {@link Clock}; thread-safe.
 */
final class LoginRateLimiter {
    static final int DEFAULT_MAX_FAILURES = 5;
    static final Duration DEFAULT_WINDOW = Duration.ofMinutes(1);
    static final int DEFAULT_MAX_CLIENTS = 10_000;

    private final Clock clock;
    private final int maxFailures;
    private final Duration window;
    private final int maxClients;
    private final Map<String, Deque<Instant>> failures = new HashMap<>();

    LoginRateLimiter(Clock clock, int maxFailures, Duration window, int maxClients) {
        if (maxFailures < 1 || window.isNegative() || window.isZero() || maxClients < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
        this.maxClients = maxClients;
    }

    static LoginRateLimiter withDefaults(Clock clock) {
        return new LoginRateLimiter(clock, DEFAULT_MAX_FAILURES, DEFAULT_WINDOW, DEFAULT_MAX_CLIENTS);
    }

    /**
     * One login attempt, counted as a failure from the moment it is let through: with {@link #retryAfter} zero it may
     * go on to the (slow, bcrypt) password check, and {@link #release} uncounts it if that succeeds.
     *
     * @param retryAfter {@link Duration#ZERO} when the attempt was let through, else how long the client must wait
     */
    record Attempt(String client, Instant slot, Duration retryAfter) {
        boolean allowed() {
            return retryAfter.isZero();
        }
    }

    /**
     * Checks and counts in one step, so that many parallel attempts cannot all pass the check before the first of them
     * is counted (they did when the failure was recorded only after the password check).
     */
    synchronized Attempt reserve(String client) {
        Duration wait = retryAfter(client);
        if (!wait.isZero()) {
            return new Attempt(client, null, wait);
        }
        recordFailure(client);
        return new Attempt(client, failures.get(client).peekLast(), Duration.ZERO);
    }

    /** The attempt succeeded: it no longer counts (the client's earlier failures still do). */
    synchronized void release(Attempt attempt) {
        Deque<Instant> recent = attempt.slot() == null ? null : failures.get(attempt.client());
        if (recent != null) {
            recent.removeLastOccurrence(attempt.slot());
            if (recent.isEmpty()) {
                failures.remove(attempt.client());
            }
        }
    }

    /** {@link Duration#ZERO} if {@code client} may try to log in now, else how long it must wait. */
    synchronized Duration retryAfter(String client) {
        Instant now = clock.instant();
        Deque<Instant> recent = recent(client, now);
        if (recent == null || recent.size() < maxFailures) {
            return Duration.ZERO;
        }
        return Duration.between(now, recent.peekFirst().plus(window));
    }

    /** Counts a failed login of {@code client}. */
    synchronized void recordFailure(String client) {
        Instant now = clock.instant();
        Deque<Instant> recent = recent(client, now);
        if (recent == null) {
            if (failures.size() >= maxClients) {
                forgetExpired(now);
            }
            if (failures.size() >= maxClients) {
                forgetLeastRecent();
            }
            recent = new ArrayDeque<>();
            failures.put(client, recent);
        }
        recent.addLast(now);
        while (recent.size() > maxFailures) {
            recent.removeFirst();
        }
    }

    /** How many addresses are tracked (for tests and state descriptions). */
    synchronized int trackedClients() {
        return failures.size();
    }

    /** The failures of {@code client} still inside the window, or null if there are none. */
    private Deque<Instant> recent(String client, Instant now) {
        Deque<Instant> recent = failures.get(client);
        if (recent == null) {
            return null;
        }
        Instant oldestCounted = now.minus(window);
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(oldestCounted)) {
            recent.removeFirst();
        }
        if (recent.isEmpty()) {
            failures.remove(client);
            return null;
        }
        return recent;
    }

    private void forgetExpired(Instant now) {
        Instant oldestCounted = now.minus(window);
        Iterator<Deque<Instant>> iterator = failures.values().iterator();
        while (iterator.hasNext()) {
            if (!iterator.next().peekLast().isAfter(oldestCounted)) {
                iterator.remove();
            }
        }
    }

    private void forgetLeastRecent() {
        failures.entrySet().stream()
                .min(Comparator.comparing((Map.Entry<String, Deque<Instant>> entry) -> entry.getValue().peekLast()))
                .map(Map.Entry::getKey)
                .ifPresent(failures::remove);
    }
}
