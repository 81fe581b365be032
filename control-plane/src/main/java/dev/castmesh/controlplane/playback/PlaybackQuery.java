package dev.castmesh.controlplane.playback;

import dev.castmesh.controlplane.recording.RecordingIndex;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The query of {@code GET /api/playback/{stream}}: {@code from} and {@code to} are days ({@code YYYY-MM-DD},
 * inclusive, each optional), {@code page} is 0-based (default 0), {@code size} 1 to 100 (default 20).
 * Parsing is strict: {@code 2026-02-30} is refused, not moved to March.
 */
record PlaybackQuery(LocalDate from, LocalDate to, int page, int size) {
    static final int DEFAULT_SIZE = 20;

    /** @throws IllegalArgumentException with a client message naming the parameter */
    static PlaybackQuery parse(String from, String to, String page, String size) {
        LocalDate first = date("from", from);
        LocalDate last = date("to", to);
        if (first != null && last != null && first.isAfter(last)) {
            throw new IllegalArgumentException("from (" + first + ") is after to (" + last + ")");
        }
        int pageNumber = number("page", page, 0);
        if (pageNumber < 0) {
            throw new IllegalArgumentException("page must be 0 or more (pages are 0-based)");
        }
        int pageSize = number("size", size, DEFAULT_SIZE);
        if (pageSize < 1 || pageSize > RecordingIndex.MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + RecordingIndex.MAX_PAGE_SIZE);
        }
        return new PlaybackQuery(first, last, pageNumber, pageSize);
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be a date YYYY-MM-DD that exists");
        }
    }

    private static int number(String name, String value, int fallback) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer");
        }
    }
}
