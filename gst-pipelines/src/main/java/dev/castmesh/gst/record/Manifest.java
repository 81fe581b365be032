package dev.castmesh.gst.record;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One day's MPD for one stream. Pure.
 *
 * @param dynamic {@code type="dynamic"} while recording, {@code static} once finished
 * @param availabilityStartTime wall-clock time of presentation time 0 (dynamic only)
 * @param publishTime when this version was written
 * @param minBufferTime the players' minimum buffer
 * @param updatePeriod how often players reload a dynamic MPD
 */
record Manifest(boolean dynamic, Instant availabilityStartTime, Instant publishTime, Duration minBufferTime,
                Duration updatePeriod, List<ManifestPeriod> periods) {

    Manifest {
        periods = List.copyOf(periods);
    }

    Duration presentationDuration() {
        return periods.isEmpty() ? Duration.ZERO : periods.get(periods.size() - 1).end();
    }
}
