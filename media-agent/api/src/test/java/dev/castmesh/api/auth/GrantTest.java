package dev.castmesh.api.auth;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GrantTest {
    @Test
    void refusesInvalidValues() {
        assertThrows(NullPointerException.class, () -> new Grant(null, 1));
        assertThrows(IllegalArgumentException.class, () -> new Grant("", 1));
        assertThrows(IllegalArgumentException.class, () -> new Grant("a", 8));
        assertThrows(IllegalArgumentException.class, () -> new Grant("a", -1));
    }

    @Test
    void fullIsWildcardWithEveryBit() {
        assertEquals(new Grant("*", 7), Grant.full());
        assertTrue(Grant.full().isWildcard());
    }

    @Test
    void coversItsOwnStreamOrEverything() {
        Grant own = new Grant("cam-1", 2);
        assertTrue(own.covers("cam-1"));
        assertFalse(own.covers("cam-2"));
        assertFalse(own.covers(null));
        assertTrue(new Grant("*", 2).covers("anything"));
    }

    @Test
    void hasAnyOfTheBits() {
        Grant publisher = new Grant("cam-1", 2);
        assertTrue(publisher.hasAny(2));
        assertTrue(publisher.hasAny(6));
        assertFalse(publisher.hasAny(5));
        assertFalse(new Grant("*", 0).hasAny(7));
    }

    @Test
    void includesOnlySubsets() {
        Grant full = Grant.full();
        assertTrue(full.includes(new Grant("cam-1", 7)));
        assertTrue(full.includes(new Grant("*", 7)));
        Grant admin = new Grant("*", 1);
        assertTrue(admin.includes(new Grant("cam-1", 1)));
        assertFalse(admin.includes(new Grant("cam-1", 3)));
        Grant own = new Grant("cam-1", 6);
        assertTrue(own.includes(new Grant("cam-1", 4)));
        assertFalse(own.includes(new Grant("cam-2", 4)));
        assertFalse(own.includes(new Grant("*", 4)));
    }

    @Test
    void toStringNamesTheRights() {
        assertEquals("Grant[cam-1, publish|subscribe]", new Grant("cam-1", 6).toString());
    }
}
