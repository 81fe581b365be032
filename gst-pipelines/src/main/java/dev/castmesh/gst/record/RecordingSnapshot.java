package dev.castmesh.gst.record;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The state of one recording, immutable.
 *
 * @param day the UTC day currently written to
 * @param manifest the current day's {@code manifest.mpd}
 * @param manifestPath the same, relative to the recording root ({@code {stream}/{yyyy}/{mm}/{dd}/manifest.mpd}),
 *                     as the index and storage know it
 * @param periodId this recording's period in the current day's manifest
 * @param segments media segments written by this recording (all tracks, all days)
 * @param bytes bytes written by this recording (init and media segments)
 * @param recordedMillis media recorded by this recording (longest track), milliseconds
 */
public record RecordingSnapshot(String stream, RecordingState state, LocalDate day, Path manifest, String manifestPath,
                                String periodId, long segments, long bytes, long recordedMillis, Instant startedAt,
                                Optional<Instant> endedAt, Optional<String> error) {
}
