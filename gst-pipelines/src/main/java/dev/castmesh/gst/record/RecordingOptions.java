package dev.castmesh.gst.record;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How to record one stream.
 *
 * @param root local directory under which {@code {stream}/{yyyy}/{mm}/{dd}/} day directories are made
 * @param segmentTarget target media segment duration, 2 to 10 s; segments start on key frames, so real
 *                      durations vary around it (the MPD lists each one)
 * @param clock wall clock: decides the UTC day of each segment (hence the manifest it goes to)
 * @param minFreeBytes free-space floor of {@code root}'s file system: a segment that would be written below it is
 *                     not written and the recording stops ({@link RecordingState#OUT_OF_SPACE}); 0 = no floor
 */
public record RecordingOptions(Path root, Duration segmentTarget, Clock clock, long minFreeBytes) {
    public static final Duration MIN_TARGET = Duration.ofSeconds(2);
    public static final Duration MAX_TARGET = Duration.ofSeconds(10);

    public RecordingOptions {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(clock, "clock");
        if (minFreeBytes < 0) {
            throw new IllegalArgumentException("minFreeBytes must not be negative, was " + minFreeBytes);
        }
        if (segmentTarget == null || segmentTarget.compareTo(MIN_TARGET) < 0 || segmentTarget.compareTo(MAX_TARGET) > 0) {
            throw new IllegalArgumentException("segmentTarget must be between 2 and 10 seconds, was " + segmentTarget);
        }
    }

    /** The system UTC clock, no free-space floor. */
    public static RecordingOptions of(Path root, Duration segmentTarget) {
        return new RecordingOptions(root, segmentTarget, Clock.systemUTC(), 0);
    }
}
