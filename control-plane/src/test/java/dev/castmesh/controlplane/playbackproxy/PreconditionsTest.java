package dev.castmesh.controlplane.playbackproxy;

import dev.castmesh.storage.ObjectInfo;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PreconditionsTest {
    private static final ObjectInfo OBJECT = new ObjectInfo("cam1/a.m4s", 10, "\"abc\"",
            Instant.parse("2026-11-01T08:09:10.750Z"));

    @Test
    void httpDatesHaveTwoDigitDaysAndNoFraction() {
        assertEquals("Sun, 01 Nov 2026 08:09:10 GMT", Preconditions.httpDate(OBJECT.lastModified()));
    }

    @Test
    void ifNoneMatch() {
        assertTrue(Preconditions.notModified("\"abc\"", null, OBJECT));
        assertTrue(Preconditions.notModified("W/\"abc\"", null, OBJECT));
        assertTrue(Preconditions.notModified("\"x\", \"abc\"", null, OBJECT));
        assertTrue(Preconditions.notModified("*", null, OBJECT));
        assertFalse(Preconditions.notModified("\"x\"", null, OBJECT));
        assertFalse(Preconditions.notModified("\"x\"", "Sun, 01 Nov 2026 08:09:10 GMT", OBJECT),
                "If-None-Match wins over If-Modified-Since");
    }

    @Test
    void ifModifiedSinceComparesWholeSeconds() {
        assertTrue(Preconditions.notModified(null, "Sun, 01 Nov 2026 08:09:10 GMT", OBJECT));
        assertTrue(Preconditions.notModified(null, "Mon, 02 Nov 2026 00:00:00 GMT", OBJECT));
        assertFalse(Preconditions.notModified(null, "Sun, 01 Nov 2026 08:09:09 GMT", OBJECT));
        assertFalse(Preconditions.notModified(null, "yesterday", OBJECT));
        assertFalse(Preconditions.notModified(null, null, OBJECT));
    }

    @Test
    void ifRange() {
        assertTrue(Preconditions.rangeApplies(null, OBJECT));
        assertTrue(Preconditions.rangeApplies("\"abc\"", OBJECT));
        assertFalse(Preconditions.rangeApplies("\"old\"", OBJECT));
        assertTrue(Preconditions.rangeApplies("Sun, 01 Nov 2026 08:09:10 GMT", OBJECT));
        assertFalse(Preconditions.rangeApplies("Sun, 01 Nov 2026 08:09:09 GMT", OBJECT));
    }
}
