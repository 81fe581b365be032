package dev.castmesh.gst.record;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One DASH Period: one uninterrupted recording (from start, restart or midnight to stop or midnight).
 * Pure.
 *
 * @param start where the period starts in the day's presentation (periods follow each other without gaps)
 * @param duration empty while the period is being recorded
 */
record ManifestPeriod(String id, Duration start, Optional<Duration> duration, List<TrackTimeline> tracks) {

    ManifestPeriod {
        tracks = List.copyOf(tracks);
    }

    /** The recorded duration: the declared one, else the end of the longest track. */
    Duration length() {
        return duration.orElseGet(() -> tracks.stream().map(TrackTimeline::end).max(Duration::compareTo)
                .orElse(Duration.ZERO));
    }

    Duration end() {
        return start.plus(length());
    }

    ManifestPeriod closed() {
        return new ManifestPeriod(id, start, Optional.of(length()), tracks);
    }
}
