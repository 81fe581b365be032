package dev.castmesh.agent.recording;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RetryDelayTest {
    @Test
    void doublesUpToTheCapWithJitter() {
        RetryDelay full = new RetryDelay(Duration.ofSeconds(1), Duration.ofSeconds(30), () -> 1.0);
        assertEquals(Duration.ofSeconds(1), full.after(1));
        assertEquals(Duration.ofSeconds(2), full.after(2));
        assertEquals(Duration.ofSeconds(16), full.after(5));
        assertEquals(Duration.ofSeconds(30), full.after(6));
        assertEquals(Duration.ofSeconds(30), full.after(1000));
        RetryDelay half = new RetryDelay(Duration.ofSeconds(1), Duration.ofSeconds(30), () -> 0.0);
        assertEquals(Duration.ofMillis(500), half.after(1));
    }
}
