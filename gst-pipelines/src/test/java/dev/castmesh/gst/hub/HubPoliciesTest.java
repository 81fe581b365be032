package dev.castmesh.gst.hub;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HubPoliciesTest {
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void sessionIdsAreUrlSafeUniqueAnd128Bit() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = SessionIds.next();
            assertEquals(22, id.length());
            assertTrue(id.matches("[A-Za-z0-9_-]+"), id);
            ids.add(id);
        }
        assertEquals(1000, ids.size());
    }

    @Test
    void keyframeRequestsAreRateLimitedButNotLost() {
        KeyframeLimiter limiter = new KeyframeLimiter(Duration.ofMillis(500));
        assertFalse(limiter.due(T0));
        limiter.want();
        assertTrue(limiter.due(T0));
        limiter.want();
        assertFalse(limiter.due(T0.plusMillis(200)));
        assertTrue(limiter.due(T0.plusMillis(500)));
        assertFalse(limiter.due(T0.plusMillis(1500)));
    }

    @Test
    void keyframeLimiterSaysHowLongAPendingRequestWaits() {
        KeyframeLimiter limiter = new KeyframeLimiter(Duration.ofMillis(500));
        assertTrue(limiter.waitFor(T0).isEmpty(), "nothing pending");
        limiter.want();
        assertEquals(java.util.Optional.of(Duration.ZERO), limiter.waitFor(T0));
        assertTrue(limiter.due(T0));
        limiter.want();
        assertEquals(java.util.Optional.of(Duration.ofMillis(300)), limiter.waitFor(T0.plusMillis(200)));
        assertEquals(java.util.Optional.of(Duration.ZERO), limiter.waitFor(T0.plusMillis(500)));
    }

    @Test
    void rateMeterComputesBitsPerSecond() {
        RateMeter meter = new RateMeter();
        meter.sample(1000, T0);
        meter.sample(126_000, T0.plusSeconds(1));
        assertEquals(1_000_000, meter.bitrateBps());
        assertEquals(126_000, meter.total());
    }

    @Test
    void livenessReapsFailedNeverConnectedAndSilentSessions() {
        Duration timeout = Duration.ofSeconds(10);
        SessionLiveness never = new SessionLiveness(T0, timeout, Duration.ofSeconds(15));
        never.observeState(SessionState.CONNECTING, T0.plusSeconds(1));
        assertTrue(never.reapReason(T0.plusSeconds(9)).isEmpty());
        assertTrue(never.reapReason(T0.plusSeconds(10)).orElseThrow().contains("not connected"));

        SessionLiveness live = new SessionLiveness(T0, timeout, Duration.ofSeconds(15));
        live.observeState(SessionState.CONNECTED, T0.plusSeconds(1));
        for (int s = 2; s < 60; s++) {
            live.observeProgress(s * 100L, T0.plusSeconds(s));
            assertTrue(live.reapReason(T0.plusSeconds(s)).isEmpty());
        }
        assertTrue(live.reapReason(T0.plusSeconds(73)).isEmpty());
        assertTrue(live.reapReason(T0.plusSeconds(74)).orElseThrow().contains("silent"));

        SessionLiveness failed = new SessionLiveness(T0, timeout, timeout);
        assertTrue(failed.observeState(SessionState.FAILED, T0));
        assertTrue(failed.reapReason(T0).isPresent());
    }
}
