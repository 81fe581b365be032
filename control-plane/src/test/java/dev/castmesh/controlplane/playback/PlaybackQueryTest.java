package dev.castmesh.controlplane.playback;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlaybackQueryTest {

    @Test
    void defaults() {
        assertEquals(new PlaybackQuery(null, null, 0, 20), PlaybackQuery.parse(null, null, null, null));
        assertEquals(new PlaybackQuery(null, null, 0, 20), PlaybackQuery.parse("", "", "", ""));
    }

    @Test
    void fullQuery() {
        assertEquals(new PlaybackQuery(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1), 3, 100),
                PlaybackQuery.parse("2026-01-01", "2026-01-01", "3", "100"));
        assertEquals(LocalDate.of(2024, 2, 29), PlaybackQuery.parse("2024-02-29", null, null, null).from());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2026-02-30|    |   |   |from must be a date YYYY-MM-DD that exists",
            "2025-02-29|    |   |   |from must be a date YYYY-MM-DD that exists",
            "x         |    |   |   |from must be a date YYYY-MM-DD that exists",
            "2026-1-1  |    |   |   |from must be a date YYYY-MM-DD that exists",
            "          |2026-13-01| |  |to must be a date YYYY-MM-DD that exists",
            "2026-01-02|2026-01-01| | |from (2026-01-02) is after to (2026-01-01)",
            "          |    |-1 |   |page must be 0 or more (pages are 0-based)",
            "          |    |x  |   |page must be an integer",
            "          |    |99999999999| |page must be an integer",
            "          |    |   |0  |size must be between 1 and 100",
            "          |    |   |101|size must be between 1 and 100",
            "          |    |   |ten|size must be an integer"})
    void refusals(String from, String to, String page, String size, String message) {
        var e = assertThrows(IllegalArgumentException.class, () -> PlaybackQuery.parse(from, to, page, size));
        assertEquals(message, e.getMessage());
        assertTrue(e.getMessage().startsWith("from") || e.getMessage().startsWith("to") || e.getMessage().startsWith("page")
                || e.getMessage().startsWith("size"));
    }
}
