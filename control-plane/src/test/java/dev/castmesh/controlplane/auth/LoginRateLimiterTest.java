package dev.castmesh.controlplane.auth;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
