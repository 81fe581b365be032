package dev.castmesh.controlplane.recording;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.castmesh.api.StreamName;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * A recording reported by an agent ({@code PUT /api/recordings} item, snake_case JSON): the manifest of
 * {@code stream} for one day.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RecordingUpsert(String stream, Integer year, Integer month, Integer day, String mpdPath) {
    public static final int MIN_YEAR = 1970;
    public static final int MAX_YEAR = 9999;
    public static final int MAX_MPD_PATH_LENGTH = 1024;

    /** @throws IllegalArgumentException with a client message naming the field */
    public void validate() {
        StreamName.validate(stream);
        if (year == null || month == null || day == null) {
            throw new IllegalArgumentException("year, month and day are required");
        }
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new IllegalArgumentException("year must be between " + MIN_YEAR + " and " + MAX_YEAR + ", got " + year);
        }
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("month must be between 1 and 12, got " + month);
        }
        try {
            LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("day " + day + " does not exist in " + year + "-" + (month < 10 ? "0" : "") + month);
        }
        if (mpdPath == null || mpdPath.isBlank()) {
            throw new IllegalArgumentException("mpd_path is required");
        }
        if (mpdPath.length() > MAX_MPD_PATH_LENGTH) {
            throw new IllegalArgumentException("mpd_path is longer than " + MAX_MPD_PATH_LENGTH + " characters");
        }
        if (mpdPath.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("mpd_path must not contain control characters");
        }
    }

    LocalDate date() {
        return LocalDate.of(year, month, day);
    }
}
