package dev.castmesh.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ObjectKeysTest {

    @ParameterizedTest
    @ValueSource(strings = {"cam1/2026/11/21/manifest.mpd", "a", "live.cam-1/x_y.m4s", "a/b..c/d", "..a/b", "a/.hidden"})
    void acceptsRelativePaths(String key) {
        assertEquals(key, ObjectKeys.check(key));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/etc/passwd", "../x", "a/../../x", "a/..", "..", ".", "./a", "a/./b", "a//b", "a/",
            "a\\..\\b", "a\\b", "a\u0000b", "a\nb", "a\u007fb"})
    void refusesEverythingThatCouldLeaveTheRoot(String key) {
        assertThrows(BadObjectKeyException.class, () -> ObjectKeys.check(key));
        assertFalse(ObjectKeys.isValid(key));
    }

    @Test
    void refusesNullAndOverlongKeys() {
        assertThrows(BadObjectKeyException.class, () -> ObjectKeys.check(null));
        assertThrows(BadObjectKeyException.class, () -> ObjectKeys.check("a".repeat(ObjectKeys.MAX_LENGTH + 1)));
        assertTrue(ObjectKeys.isValid("a".repeat(ObjectKeys.MAX_LENGTH)));
    }

    @Test
    void firstSegmentIsTheStream() {
        assertEquals("cam1", ObjectKeys.firstSegment("cam1/2026/11/21/manifest.mpd"));
        assertEquals("cam1", ObjectKeys.firstSegment("cam1"));
    }

    @Test
    void contentTypesFollowTheExtension() {
        assertEquals("application/dash+xml", ContentTypes.of("cam1/2026/11/21/manifest.mpd"));
        assertEquals("video/iso.segment", ContentTypes.of("cam1/2026/11/21/video-00001.m4s"));
        assertEquals("video/mp4", ContentTypes.of("cam1/2026/11/21/audio-init.mp4"));
        assertEquals("application/octet-stream", ContentTypes.of("cam1/2026/11/21/README"));
        assertEquals("application/octet-stream", ContentTypes.of("cam1.d/x"));
    }
}
