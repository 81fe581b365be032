package dev.castmesh.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"live", "camera-1", "a", "room_42.main", "直播间", "user@host:cam+1~x", "v1.2"})
    void acceptsOrdinaryNames(String name) {
        StreamName.validate(name);
        assertTrue(StreamName.isValid(name));
    }

    @Test
    void acceptsExactlyMaxLength() {
        assertTrue(StreamName.isValid("x".repeat(StreamName.MAX_LENGTH)));
    }

    @Test
    void refusesTooLong() {
        var e = assertThrows(IllegalArgumentException.class, () -> StreamName.validate("x".repeat(129)));
        assertEquals("stream name is longer than 128 characters", e.getMessage());
    }

    @Test
    void refusesNullAndEmpty() {
        assertEquals("stream name is empty",
                assertThrows(IllegalArgumentException.class, () -> StreamName.validate(null)).getMessage());
        assertFalse(StreamName.isValid(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/b", "/live", "live/", "a\\b"})
    void refusesSeparators(String name) {
        var e = assertThrows(IllegalArgumentException.class, () -> StreamName.validate(name));
        assertTrue(e.getMessage().contains("'/'"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "a..b", "...", "."})
    void refusesDotDot(String name) {
        var e = assertThrows(IllegalArgumentException.class, () -> StreamName.validate(name));
        assertTrue(e.getMessage().contains("'..'"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a b", " live", "live\t", "a\nb", "a\rb", "a\u0000b", "a\u007fb", "a\u0085b",
            "a\u00a0b", "a\u2028b", "a\u3000b", "a\u200bb", "a\u202eb", "a\ufeffb", "a\ud800b", "a\udc00"})
    void refusesWhitespaceControlAndInvisible(String name) {
        var e = assertThrows(IllegalArgumentException.class, () -> StreamName.validate(name));
        assertEquals("stream name must not contain whitespace, control or invisible characters", e.getMessage());
    }

    @Test
    void messageNeverEchoesTheName() {
        var e = assertThrows(IllegalArgumentException.class, () -> StreamName.validate("secret name"));
        assertFalse(e.getMessage().contains("secret"));
    }
}
