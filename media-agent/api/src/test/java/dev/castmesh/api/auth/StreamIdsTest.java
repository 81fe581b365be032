package dev.castmesh.api.auth;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamIdsTest {
    @ParameterizedTest
    @ValueSource(strings = {"a", "cam-1", "live_2.main", "A~b", "0", "é", "直播"})
    void acceptsStreamNames(String id) {
        assertTrue(StreamIds.isValid(id));
        assertTrue(StreamIds.isValidGrantId(id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "a/b", "a b", "a%20b", "*", "a*", "a?b", "a#b"})
    void refusesEverythingElse(String id) {
        assertFalse(StreamIds.isValid(id));
    }

    @org.junit.jupiter.api.Test
    void lengthIsCapped() {
        assertTrue(StreamIds.isValid("x".repeat(128)));
        assertFalse(StreamIds.isValid("x".repeat(129)));
        assertFalse(StreamIds.isValid(null));
        assertTrue(StreamIds.isValidGrantId("*"));
        assertFalse(StreamIds.isValidGrantId("**"));
    }
}
