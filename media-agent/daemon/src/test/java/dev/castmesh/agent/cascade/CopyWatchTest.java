package dev.castmesh.agent.cascade;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CopyWatchTest {
    private static final Instant T0 = Instant.parse("2026-11-21T00:00:00Z");

    @Test
    void idleCopyEndsAfterItsTimeoutAndViewersResetIt() {
        CopyWatch watch = new CopyWatch(Duration.ofSeconds(2), T0);
        assertEquals(Optional.empty(), watch.observe(T0.plusSeconds(1), false, 10).end());
        assertEquals(Optional.empty(), watch.observe(T0.plusSeconds(2), true, 10).end(), "a viewer arrived");
        assertEquals(Optional.empty(), watch.observe(T0.plusSeconds(5), false, 10).end(), "idle again from 5 s");
        assertTrue(watch.observe(T0.plusSeconds(7), false, 10).end().orElseThrow().contains("no viewer for 2 s"));
    }

    @Test
    void zeroIdleTimeoutNeverEndsForLackOfViewers() {
        CopyWatch watch = new CopyWatch(Duration.ZERO, T0);
        assertEquals(Optional.empty(), watch.observe(T0.plusSeconds(3600), false, 10).end());
    }

    @Test
    void lostSourceGetsAGracePeriodForAReattach() {
        CopyWatch watch = new CopyWatch(Duration.ZERO, T0);
        assertEquals(LegState.LIVE, watch.observe(T0, true, 4_000).state());
        CopyWatch.Verdict lost = watch.observe(T0, true, 5_001);
        assertEquals(LegState.LOST, lost.state());
        assertEquals(Optional.empty(), lost.end(), "waiting for a re-attach");
        assertEquals(LegState.LIVE, watch.observe(T0, true, 20).state(), "a re-attach brought media back");
        assertTrue(watch.observe(T0, true, 15_001).end().orElseThrow().contains("source lost"));
    }

    @Test
    void noMediaYetIsNotALoss() {
        assertEquals(LegState.LIVE, new CopyWatch(Duration.ZERO, T0).observe(T0, false, -1).state());
    }
}
