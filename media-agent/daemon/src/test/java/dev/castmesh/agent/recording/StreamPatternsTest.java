package dev.castmesh.agent.recording;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamPatternsTest {
    @Test
    void globsMatchWholeNames() {
        StreamPatterns p = new StreamPatterns(List.of("live*", "cam-?", "exact.name"));
        assertTrue(p.matches("live"));
        assertTrue(p.matches("live-1"));
        assertTrue(p.matches("cam-7"));
        assertTrue(p.matches("exact.name"));
        assertFalse(p.matches("xlive"));
        assertFalse(p.matches("cam-17"));
        assertFalse(p.matches("exactXname"), "'.' is literal");
        assertFalse(new StreamPatterns(List.of()).matches("live"));
        assertTrue(new StreamPatterns(List.of("*")).matches("anything"));
        assertTrue(new StreamPatterns(List.of("a(b)+*")).matches("a(b)+c"), "regex characters are literal");
    }
}
