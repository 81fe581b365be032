package dev.castmesh.agent.registration;

import dev.castmesh.agent.retry.Backoff;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeartbeatTrackerTest {
    private static final Duration INTERVAL = Duration.ofSeconds(2);

    /** A clock the test moves by hand. */
    private static final class FakeClock extends Clock {
        Instant now = Instant.parse("2025-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void backoffDoublesUpToTheCapWithJitter() {
        Backoff top = new Backoff(INTERVAL, Duration.ofSeconds(30), () -> 0.999_999);
        List<Long> seconds = new ArrayList<>();
        for (int failures = 1; failures <= 6; failures++) {
            seconds.add(Math.round(top.after(failures).toMillis() / 1000.0));
        }
        assertEquals(List.of(4L, 8L, 16L, 30L, 30L, 30L), seconds);
        Backoff bottom = new Backoff(INTERVAL, Duration.ofSeconds(30), () -> 0.0);
        assertEquals(Duration.ofSeconds(2), bottom.after(1), "jitter halves at most");
        assertEquals(Duration.ofSeconds(15), bottom.after(100));
        assertEquals(Duration.ofSeconds(15), bottom.atCap());
        assertEquals(INTERVAL, bottom.after(0));
    }

    @Test
    void logsOnlyTransitionsAndTracksLastSuccess() {
        FakeClock clock = new FakeClock();
        HeartbeatTracker tracker = new HeartbeatTracker(clock, INTERVAL, new Backoff(INTERVAL, Duration.ofSeconds(30), () -> 0.999_999));

        HeartbeatTracker.Decision first = tracker.failure(HeartbeatTracker.State.UNREACHABLE, "ConnectException");
        assertTrue(first.changed(), "first failure is worth one WARN");
        List<Boolean> changed = new ArrayList<>();
        List<Long> delays = new ArrayList<>();
        delays.add(Math.round(first.delay().toMillis() / 1000.0));
        for (int i = 0; i < 5; i++) {
            clock.now = clock.now.plus(first.delay());
            HeartbeatTracker.Decision d = tracker.failure(HeartbeatTracker.State.UNREACHABLE, "ConnectException");
            changed.add(d.changed());
            delays.add(Math.round(d.delay().toMillis() / 1000.0));
        }
        assertEquals(List.of(false, false, false, false, false), changed, "no log line per retry");
        assertEquals(List.of(4L, 8L, 16L, 30L, 30L, 30L), delays);
        HeartbeatStatus down = tracker.status("a", "http://cp");
        assertEquals("UNREACHABLE", down.state());
        assertEquals(6, down.consecutiveFailures());
        assertNull(down.lastSuccess());

        clock.now = Instant.parse("2025-01-01T00:05:00Z");
        HeartbeatTracker.Decision back = tracker.success();
        assertTrue(back.changed(), "back online is worth one INFO");
        assertEquals(HeartbeatTracker.State.UNREACHABLE, back.previous());
        assertEquals(INTERVAL, back.delay());
        HeartbeatStatus up = tracker.status("a", "http://cp");
        assertEquals(new HeartbeatStatus("a", "http://cp", "REGISTERED", clock.now, 0, null), up);
        assertFalse(tracker.success().changed());
    }

    @Test
    void unauthorizedRetriesAtTheCap() {
        HeartbeatTracker tracker = new HeartbeatTracker(new FakeClock(), INTERVAL,
                new Backoff(INTERVAL, Duration.ofSeconds(30), () -> 0.999_999));
        tracker.success();
        HeartbeatTracker.Decision d = tracker.failure(HeartbeatTracker.State.UNAUTHORIZED, "401");
        assertTrue(d.changed());
        assertEquals(30, Math.round(d.delay().toMillis() / 1000.0));
        assertEquals(30, Math.round(tracker.failure(HeartbeatTracker.State.UNAUTHORIZED, "401").delay().toMillis() / 1000.0));
    }
}
