package dev.castmesh.agent.registration;

import dev.castmesh.agent.time.MutableClock;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeartbeatTrackerTest {
    private static final Duration INTERVAL = Duration.ofSeconds(2);

    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    /** Issue 10 finding 10: retries stay at the interval (with jitter), whatever the number of failures or their kind. */
    @Test
    void failuresRetryAtTheIntervalWithJitterNeverLater() {
        HeartbeatTracker top = new HeartbeatTracker(new MutableClock(START), INTERVAL, () -> 0.999_999);
        HeartbeatTracker bottom = new HeartbeatTracker(new MutableClock(START), INTERVAL, () -> 0.0);
        for (int failures = 1; failures <= 50; failures++) {
            assertEquals(2000, top.failure(HeartbeatTracker.State.UNREACHABLE, "down").delay().toMillis());
            assertEquals(1500, bottom.failure(HeartbeatTracker.State.UNREACHABLE, "down").delay().toMillis());
        }
        assertEquals(2000, top.failure(HeartbeatTracker.State.UNAUTHORIZED, "401").delay().toMillis());
        assertEquals(2000, top.failure(HeartbeatTracker.State.REJECTED, "500").delay().toMillis());
    }

    @Test
    void logsOnlyTransitionsAndTracksLastSuccess() {
        MutableClock clock = new MutableClock(START);
        HeartbeatTracker tracker = new HeartbeatTracker(clock, INTERVAL, () -> 0.999_999);

        HeartbeatTracker.Decision first = tracker.failure(HeartbeatTracker.State.UNREACHABLE, "ConnectException");
        assertTrue(first.changed(), "first failure is worth one WARN");
        List<Boolean> changed = new ArrayList<>();
        List<Long> delays = new ArrayList<>();
        delays.add(Math.round(first.delay().toMillis() / 1000.0));
        for (int i = 0; i < 5; i++) {
            clock.advance(first.delay());
            HeartbeatTracker.Decision d = tracker.failure(HeartbeatTracker.State.UNREACHABLE, "ConnectException");
            changed.add(d.changed());
            delays.add(Math.round(d.delay().toMillis() / 1000.0));
        }
        assertEquals(List.of(false, false, false, false, false), changed, "no log line per retry");
        assertEquals(List.of(2L, 2L, 2L, 2L, 2L, 2L), delays);
        HeartbeatStatus down = tracker.status("a", "http://cp");
        assertEquals("UNREACHABLE", down.state());
        assertEquals(6, down.consecutiveFailures());
        assertNull(down.lastSuccess());

        clock.advance(Duration.between(clock.instant(), Instant.parse("2025-01-01T00:05:00Z")));
        HeartbeatTracker.Decision back = tracker.success();
        assertTrue(back.changed(), "back online is worth one INFO");
        assertEquals(HeartbeatTracker.State.UNREACHABLE, back.previous());
        assertEquals(INTERVAL, back.delay());
        HeartbeatStatus up = tracker.status("a", "http://cp");
        assertEquals(new HeartbeatStatus("a", "http://cp", "REGISTERED", clock.instant(), 0, null), up);
        assertFalse(tracker.success().changed());
    }
}
