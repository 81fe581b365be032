package dev.castmesh.api.recording;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The optional body of {@code POST /api/record/{stream}} (snake_case JSON, like the recordings index).
 *
 * @param segmentDuration target DASH segment duration in whole seconds, 2 to 10; null = the agent's
 *                        {@code [recorder] segment_duration}
 */
public record RecordRequest(@JsonProperty("segment_duration") Integer segmentDuration) {
    public static final int MIN_SEGMENT_DURATION = 2;
    public static final int MAX_SEGMENT_DURATION = 10;

    /** @throws IllegalArgumentException with a client message naming the field */
    public void validate() {
        if (segmentDuration != null && (segmentDuration < MIN_SEGMENT_DURATION || segmentDuration > MAX_SEGMENT_DURATION)) {
            throw new IllegalArgumentException("segment_duration must be between " + MIN_SEGMENT_DURATION + " and "
                    + MAX_SEGMENT_DURATION + " seconds, got " + segmentDuration);
        }
    }
}
