package dev.castmesh.gst.webrtc;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetransmissionBudgetTest {
    private final AtomicLong now = new AtomicLong(5_000_000_000L);

    @Test
    void aSecondsWorthGoesAtOnceThenNothingUntilItRefills() {
        RetransmissionBudget budget = new RetransmissionBudget(10, now::get);
        assertEquals(10, taken(budget, 50));
        assertFalse(budget.tryTake());
        now.addAndGet(100_000_000L); // 0.1 s refills one
        assertTrue(budget.tryTake());
        assertFalse(budget.tryTake());
    }

    @Test
    void aLongPauseSavesUpOneSecondAtMost() {
        RetransmissionBudget budget = new RetransmissionBudget(10, now::get);
        taken(budget, 10);
        now.addAndGet(60_000_000_000L);
        assertEquals(10, taken(budget, 50));
    }

    @Test
    void overTimeTheRateIsTheBudget() {
        RetransmissionBudget budget = new RetransmissionBudget(200, now::get);
        int taken = 0;
        for (int ms = 0; ms < 10_000; ms++) { // a flood: 16 requests every millisecond for 10 s
            now.addAndGet(1_000_000L);
            taken += taken(budget, 16);
        }
        assertTrue(taken >= 2_000 && taken <= 2_200, "taken " + taken);
    }

    @Test
    void refusesANonPositiveBudget() {
        assertThrows(IllegalArgumentException.class, () -> new RetransmissionBudget(0, now::get));
    }

    private static int taken(RetransmissionBudget budget, int attempts) {
        int taken = 0;
        for (int i = 0; i < attempts; i++) {
            taken += budget.tryTake() ? 1 : 0;
        }
        return taken;
    }
}
