package dev.castmesh.agent.cascade;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The watchdog's rules, driven by a fake clock (instants passed in). */
class CascadeWatchdogTest {
    private static final Instant T0 = Instant.parse("2026-12-02T00:00:00Z");

    private static CascadeWatchdog.PullReading pull(boolean present, boolean inUse, long ageMs) {
        return new CascadeWatchdog.PullReading(present, Optional.empty(), inUse, ageMs);
    }

    private static CascadeWatchdog.PushReading push(long ageMs, Instant lastReport) {
        return new CascadeWatchdog.PushReading(true, Optional.empty(), ageMs, lastReport);
    }

    @Test
    void aPullEndsWithItsCopyOrItsBridge() {
        CopyWatch watch = new CopyWatch(Duration.ZERO, T0);
        assertEquals("the copy ended", CascadeWatchdog.pull(watch, pull(false, true, 10), T0).end().orElseThrow());
        CascadeWatchdog.PullReading failed = new CascadeWatchdog.PullReading(true, Optional.of("pipeline error"), true, 10);
        assertTrue(CascadeWatchdog.pull(watch, failed, T0).end().orElseThrow().contains("pipeline error"));
        assertEquals(Optional.empty(), CascadeWatchdog.pull(watch, pull(true, true, 10), T0).end());
    }

    @Test
    void aPullIsLostAfterFiveSilentSecondsAndEndsWithoutAReattachWithinTheGrace() {
        CopyWatch watch = new CopyWatch(Duration.ZERO, T0);
        assertEquals(LegState.LIVE, CascadeWatchdog.pull(watch, pull(true, true, 4_900), T0.plusSeconds(5)).state());
        CopyWatch.Verdict lost = CascadeWatchdog.pull(watch, pull(true, true, 5_100), T0.plusSeconds(6));
        assertEquals(LegState.LOST, lost.state());
        assertEquals(Optional.empty(), lost.end());
        assertTrue(CascadeWatchdog.pull(watch, pull(true, true, 15_100), T0.plusSeconds(16)).end().orElseThrow()
                .contains("source lost"));
    }

    @Test
    void anIdleCopyEndsAfterItsIdleTimeoutCountedFromTheLastUse() {
        CopyWatch watch = new CopyWatch(Duration.ofSeconds(30), T0);
        assertEquals(Optional.empty(), CascadeWatchdog.pull(watch, pull(true, true, 10), T0.plusSeconds(29)).end());
        assertEquals(Optional.empty(), CascadeWatchdog.pull(watch, pull(true, false, 10), T0.plusSeconds(40)).end());
        assertEquals(Optional.empty(), CascadeWatchdog.pull(watch, pull(true, false, 10), T0.plusSeconds(69)).end());
        assertTrue(CascadeWatchdog.pull(watch, pull(true, false, 10), T0.plusSeconds(70)).end().orElseThrow()
                .contains("no viewer for 30 s"));
    }

    @Test
    void aPushEndsWhenItsStreamGoesQuietOrItsTargetStopsReporting() {
        assertEquals(Optional.empty(), CascadeWatchdog.push(push(100, T0), T0.plusSeconds(19)));
        assertTrue(CascadeWatchdog.push(push(100, T0), T0.plusSeconds(20)).orElseThrow().contains("no receiver report"));
        assertTrue(CascadeWatchdog.push(push(15_001, T0), T0.plusSeconds(1)).orElseThrow().contains("no media"));
        CascadeWatchdog.PushReading gone = new CascadeWatchdog.PushReading(false, Optional.empty(), 0, T0);
        assertEquals("the local stream ended", CascadeWatchdog.push(gone, T0).orElseThrow());
    }

    @Test
    void aPushedCopyEndsOnlyForIdleness() {
        CopyWatch watch = new CopyWatch(Duration.ofSeconds(5), T0);
        assertEquals(Optional.empty(), CascadeWatchdog.pushedCopy(watch, false, T0.plusSeconds(4)));
        assertEquals(Optional.empty(), CascadeWatchdog.pushedCopy(watch, true, T0.plusSeconds(60)), "in use");
        assertEquals(Optional.empty(), CascadeWatchdog.pushedCopy(watch, false, T0.plusSeconds(61)), "idle from 61 s");
        assertEquals(Optional.empty(), CascadeWatchdog.pushedCopy(watch, false, T0.plusSeconds(65)));
        assertTrue(CascadeWatchdog.pushedCopy(watch, false, T0.plusSeconds(66)).isPresent());
    }
}
