package dev.castmesh.agent.signaling;

import dev.castmesh.agent.time.MutableClock;
import dev.castmesh.gst.hub.SessionState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PendingViewersTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T07:00:00Z"));
    private final Map<String, SessionState> states = new HashMap<>();
    private final PendingViewers pending = new PendingViewers(clock, 2, Duration.ofSeconds(9));

    private List<PendingViewers.Expired> sweep() {
        return pending.sweep((stream, id) -> states.get(id));
    }

    @Test
    void aClientHoldsAtMostItsBudgetUntilItsViewersConnect() {
        PendingViewers.Place a = pending.reserve("10.0.0.1").orElseThrow();
        a.answered("cam", "a");
        states.put("a", SessionState.CONNECTING);
        try (PendingViewers.Place refused = pending.reserve("10.0.0.1").orElseThrow()) {
            assertTrue(pending.reserve("10.0.0.1").isEmpty(), "two places, both taken");
            assertTrue(pending.reserve("10.0.0.2").isPresent(), "another address has its own budget");
        }
        assertTrue(pending.reserve("10.0.0.1").isPresent(), "a refused offer gave its place back");

        states.put("a", SessionState.CONNECTED);
        assertEquals(List.of(), sweep());
        assertEquals(2, pending.held(), "a connected: its place is free; the two unanswered ones still count");
    }

    @Test
    void aViewerNotConnectedAfterTheTimeoutIsHandedBackToBeEnded() {
        PendingViewers.Place a = pending.reserve("10.0.0.1").orElseThrow();
        a.answered("cam", "a");
        states.put("a", SessionState.NEGOTIATING);
        PendingViewers.Place gone = pending.reserve("10.0.0.1").orElseThrow();
        gone.answered("cam", "gone");
        clock.advance(Duration.ofSeconds(8));
        assertEquals(List.of(), sweep());
        assertEquals(1, pending.held(), "a session the engine no longer has lets go of its place");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(List.of(new PendingViewers.Expired("cam", "a")), sweep());
        assertEquals(0, pending.held());
    }
}
