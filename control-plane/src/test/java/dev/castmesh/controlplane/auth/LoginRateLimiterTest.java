package dev.castmesh.controlplane.auth;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginRateLimiterTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
    private final LoginRateLimiter limiter = LoginRateLimiter.withDefaults(clock);

    @Test
    void fiveFailuresPerMinuteThenWait() {
        for (int i = 0; i < 5; i++) {
            assertEquals(Duration.ZERO, limiter.retryAfter("10.0.0.1"), "attempt " + (i + 1));
            limiter.recordFailure("10.0.0.1");
            clock.advance(Duration.ofSeconds(1));
        }
        // Failures at 0..4 s, now 5 s: the first one leaves the window at 60 s.
        assertEquals(Duration.ofSeconds(55), limiter.retryAfter("10.0.0.1"));
        clock.advance(Duration.ofSeconds(54));
        assertEquals(Duration.ofSeconds(1), limiter.retryAfter("10.0.0.1"));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Duration.ZERO, limiter.retryAfter("10.0.0.1"));
    }

    @Test
    void windowSlidesOneFailureAtATime() {
        for (int i = 0; i < 5; i++) {
            limiter.recordFailure("c");
            clock.advance(Duration.ofSeconds(10));
        }
        // Failures at 0, 10, 20, 30, 40; now 50.
        assertEquals(Duration.ofSeconds(10), limiter.retryAfter("c"));
        clock.advance(Duration.ofSeconds(10));
        limiter.recordFailure("c");
        // Failures at 10..40 and 60: blocked until 10 + 60.
        assertEquals(Duration.ofSeconds(10), limiter.retryAfter("c"));
    }

    @Test
    void clientsAreCountedSeparately() {
        for (int i = 0; i < 5; i++) {
            limiter.recordFailure("10.0.0.1");
        }
        assertEquals(Duration.ofMinutes(1), limiter.retryAfter("10.0.0.1"));
        assertEquals(Duration.ZERO, limiter.retryAfter("10.0.0.2"));
        assertEquals(Duration.ZERO, limiter.retryAfter("::1"));
    }

    @Test
    void fourFailuresDoNotBlock() {
        for (int i = 0; i < 4; i++) {
            limiter.recordFailure("c");
        }
        assertEquals(Duration.ZERO, limiter.retryAfter("c"));
    }

    @Test
    void forgetsClientsWhoseFailuresExpired() {
        limiter.recordFailure("a");
        limiter.recordFailure("b");
        assertEquals(2, limiter.trackedClients());
        clock.advance(Duration.ofMinutes(1));
        assertEquals(Duration.ZERO, limiter.retryAfter("a"));
        assertEquals(1, limiter.trackedClients());
    }

    @Test
    void tracksABoundedNumberOfClients() {
        LoginRateLimiter small = new LoginRateLimiter(clock, 2, Duration.ofMinutes(1), 3);
        for (String client : new String[]{"a", "b", "c"}) {
            small.recordFailure(client);
            small.recordFailure(client);
            clock.advance(Duration.ofSeconds(1));
        }
        small.recordFailure("d");
        assertEquals(3, small.trackedClients());
        // "a" failed least recently and was forgotten; "b" and "c" are still blocked.
        assertEquals(Duration.ZERO, small.retryAfter("a"));
        assertEquals(Duration.ofSeconds(58), small.retryAfter("b"));
        clock.advance(Duration.ofMinutes(1));
        small.recordFailure("e");
        assertEquals(1, small.trackedClients());
    }

    @Test
    void refusesNonsenseLimits() {
        assertThrows(IllegalArgumentException.class, () -> new LoginRateLimiter(clock, 0, Duration.ofMinutes(1), 1));
        assertThrows(IllegalArgumentException.class, () -> new LoginRateLimiter(clock, 1, Duration.ZERO, 1));
        assertThrows(IllegalArgumentException.class, () -> new LoginRateLimiter(clock, 1, Duration.ofMinutes(1), 0));
    }

    /** Issue 10 finding 5: the check and the count are one step, so parallel attempts cannot all pass the check. */
    @Test
    void parallelAttemptsPassAtMostTheLimit() throws Exception {
        LoginRateLimiter limiter = LoginRateLimiter.withDefaults(java.time.Clock.systemUTC());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(32);
        try {
            java.util.List<java.util.concurrent.Callable<Boolean>> attempts = new java.util.ArrayList<>();
            for (int i = 0; i < 100; i++) {
                attempts.add(() -> limiter.reserve("10.0.0.9").allowed());
            }
            long allowed = 0;
            for (java.util.concurrent.Future<Boolean> result : pool.invokeAll(attempts)) {
                allowed += result.get() ? 1 : 0;
            }
            assertEquals(LoginRateLimiter.DEFAULT_MAX_FAILURES, allowed);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSuccessfulAttemptIsUncountedButEarlierFailuresStay() {
        MutableClock clock = new MutableClock(java.time.Instant.parse("2026-01-01T00:00:00Z"));
        LoginRateLimiter limiter = new LoginRateLimiter(clock, 2, Duration.ofMinutes(1), 10);
        assertTrue(limiter.reserve("c").allowed()); // a failure
        LoginRateLimiter.Attempt success = limiter.reserve("c");
        assertTrue(success.allowed());
        limiter.release(success);
        assertTrue(limiter.reserve("c").allowed(), "the success did not use up the second try");
        assertFalse(limiter.reserve("c").allowed());
    }
}
