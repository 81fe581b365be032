package dev.castmesh.agent.config;

import dev.castmesh.server.config.ConfigException;
import dev.castmesh.storage.StorageConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The {@code [recorder]} section: what to record automatically, how, and where recordings are written first.
 *
 * @param autoStreams     glob patterns ({@code *} any run of characters, {@code ?} one character); a stream whose
 *                        name matches one is recorded as soon as it is published (default none)
 * @param segmentDuration target DASH segment duration, whole seconds, 2 to 10 (default 4)
 * @param spool           local directory recordings are written to before they are uploaded to storage, with the
 *                        upload journals and the index outbox (default {@code ./.castmesh/spool})
 * @param storage         {@code [recorder.storage]}: where recordings end up (default fs, {@code ./recordings}); an
 *                        fs root that is the spool itself means no copy at all
 * @param minFreeMb       free-space floor of the spool's file system, MB: a recording whose next segment would go
 *                        below it stops cleanly ({@code OUT_OF_SPACE}), and none starts below it (default 64; 0 = none)
 */
public record RecorderConfig(List<String> autoStreams, Integer segmentDuration, String spool, StorageConfig storage,
                             Integer minFreeMb) {
    public static final int DEFAULT_SEGMENT_DURATION = 4;
    public static final int DEFAULT_MIN_FREE_MB = 64;
    public static final String DEFAULT_SPOOL = "./.castmesh/spool";
    private static final int MAX_PATTERN_LENGTH = 256;

    public RecorderConfig {
        autoStreams = autoStreams == null ? List.of() : List.copyOf(autoStreams);
        for (int i = 0; i < autoStreams.size(); i++) {
            String p = autoStreams.get(i);
            if (p == null || p.isBlank() || p.length() > MAX_PATTERN_LENGTH) {
                throw new ConfigException("recorder.auto_streams[" + i + "] must be a non-empty glob pattern of at most "
                        + MAX_PATTERN_LENGTH + " characters");
            }
        }
        segmentDuration = segmentDuration == null ? DEFAULT_SEGMENT_DURATION : segmentDuration;
        if (segmentDuration < 2 || segmentDuration > 10) {
            throw new ConfigException("recorder.segment_duration must be between 2 and 10 seconds, got " + segmentDuration);
        }
        spool = spool == null ? DEFAULT_SPOOL : spool.trim();
        if (spool.isEmpty()) {
            throw new ConfigException("recorder.spool must be a directory path");
        }
        try {
            Path.of(spool);
        } catch (RuntimeException e) {
            throw new ConfigException("recorder.spool is not a valid path: '" + spool + "'");
        }
        storage = storage == null ? StorageConfig.defaults() : storage;
        minFreeMb = minFreeMb == null ? DEFAULT_MIN_FREE_MB : minFreeMb;
        if (minFreeMb < 0) {
            throw new ConfigException("recorder.min_free_mb must be 0 or more, got " + minFreeMb);
        }
    }

    public long minFreeBytes() {
        return minFreeMb * 1024L * 1024L;
    }

    public static RecorderConfig defaults() {
        return new RecorderConfig(null, null, null, null, null);
    }

    public Duration segmentTarget() {
        return Duration.ofSeconds(segmentDuration);
    }

    public Path spoolDirectory() {
        return Path.of(spool);
    }
}
