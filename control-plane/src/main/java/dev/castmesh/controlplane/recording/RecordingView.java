package dev.castmesh.controlplane.recording;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.time.Instant;
import java.util.UUID;

/**
 * A recordings-index row as the HTTP API answers it (snake_case like Liveman; instants as ISO-8601 UTC text
 * with millisecond precision, e.g. {@code 2026-11-20T08:15:30.123Z}), with Liveman's {@code record}.
 *
 * @param record Liveman's name of the recording: the day as {@code YYYY/MM/DD}, the part of {@code mpd_path} between
 *               the stream and {@code manifest.mpd} (Liveman names a recording after the directory its MPD is in; our
 *               index has one row per stream and UTC day, as the seed's schema says)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RecordingView(UUID id, String stream, int year, int month, int day, String mpdPath,
                            @JsonFormat(shape = JsonFormat.Shape.STRING) Instant createdAt,
                            @JsonFormat(shape = JsonFormat.Shape.STRING) Instant updatedAt, String record) {

    public static RecordingView of(Recording recording) {
        return new RecordingView(recording.id(), recording.stream(), recording.year(), recording.month(),
                recording.day(), recording.mpdPath(), recording.createdAt(), recording.updatedAt(),
                String.format(java.util.Locale.ROOT, "%04d/%02d/%02d", recording.year(), recording.month(), recording.day()));
    }
}
