package dev.castmesh.controlplane.recording;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RecordingUpsertTest {

    private static String refusal(RecordingUpsert upsert) {
        return assertThrows(IllegalArgumentException.class, upsert::validate).getMessage();
    }

    @Test
    void acceptsAValidRow() {
        new RecordingUpsert("cam", 2024, 2, 29, "cam/2024/02/29/manifest.mpd").validate();
        new RecordingUpsert("cam", 9999, 12, 31, "x").validate();
    }

    @Test
    void refusesBadDates() {
        assertEquals("year, month and day are required", refusal(new RecordingUpsert("cam", null, 1, 1, "p")));
        assertEquals("year must be between 1970 and 9999, got 1969", refusal(new RecordingUpsert("cam", 1969, 1, 1, "p")));
        assertEquals("month must be between 1 and 12, got 0", refusal(new RecordingUpsert("cam", 2026, 0, 1, "p")));
        assertEquals("day 29 does not exist in 2025-02", refusal(new RecordingUpsert("cam", 2025, 2, 29, "p")));
        assertEquals("day 0 does not exist in 2025-10", refusal(new RecordingUpsert("cam", 2025, 10, 0, "p")));
        assertEquals("day 31 does not exist in 2025-04", refusal(new RecordingUpsert("cam", 2025, 4, 31, "p")));
    }

    @Test
    void refusesBadStreamAndPath() {
        assertEquals("stream name is empty", refusal(new RecordingUpsert(null, 2026, 1, 1, "p")));
        assertEquals("stream name must not contain '/' or '\\'", refusal(new RecordingUpsert("a/b", 2026, 1, 1, "p")));
        assertEquals("mpd_path is required", refusal(new RecordingUpsert("cam", 2026, 1, 1, " ")));
        assertEquals("mpd_path is longer than 1024 characters", refusal(new RecordingUpsert("cam", 2026, 1, 1, "p".repeat(1025))));
        assertEquals("mpd_path must not contain control characters", refusal(new RecordingUpsert("cam", 2026, 1, 1, "a\nb")));
    }
}
