package dev.castmesh.api.auth;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccessModeTest {
    @Test
    void bitsAreLive777s() {
        assertEquals(1, AccessMode.ADMIN.bit());
        assertEquals(2, AccessMode.PUBLISH.bit());
        assertEquals(4, AccessMode.SUBSCRIBE.bit());
        assertEquals(7, AccessMode.ALL);
        assertEquals(7, AccessMode.mask(AccessMode.values()));
        assertEquals(6, AccessMode.mask(AccessMode.PUBLISH, AccessMode.SUBSCRIBE));
    }

    @Test
    void validMasksAreZeroToSeven() {
        for (int mode = 0; mode <= 7; mode++) {
            assertTrue(AccessMode.isValidMask(mode), "mode " + mode);
        }
        assertFalse(AccessMode.isValidMask(8));
        assertFalse(AccessMode.isValidMask(-1));
        assertFalse(AccessMode.isValidMask(15));
    }

    @Test
    void bitsAreIndependent() {
        assertTrue(AccessMode.ADMIN.in(1));
        assertFalse(AccessMode.PUBLISH.in(1));
        assertFalse(AccessMode.SUBSCRIBE.in(3));
        assertTrue(AccessMode.SUBSCRIBE.in(5));
    }

    @Test
    void describesForMessages() {
        assertEquals("none", AccessMode.describe(0));
        assertEquals("admin|publish|subscribe", AccessMode.describe(7));
        assertEquals("publish|subscribe", AccessMode.describe(6));
    }
}
