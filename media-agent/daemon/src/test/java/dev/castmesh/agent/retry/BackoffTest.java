package dev.castmesh.agent.retry;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BackoffTest {
    @Test
    void firstRetryWaitsTwiceTheBaseThenDoublesUpToTheCap() {
        Backoff full = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), () -> 1.0);
        assertEquals(Duration.ofSeconds(1), full.after(1));
        assertEquals(Duration.ofSeconds(2), full.after(2));
        assertEquals(Duration.ofSeconds(16), full.after(5));
        assertEquals(Duration.ofSeconds(30), full.after(6));
        assertEquals(Duration.ofSeconds(30), full.after(1000));
    }

    @Test
    void jitterAtMostHalvesTheDelay() {
        Backoff low = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), () -> 0.0);
        assertEquals(Duration.ofMillis(500), low.after(1));
        assertEquals(Duration.ofSeconds(15), low.atCap());
    }
}
