package dev.castmesh.controlplane.playbackproxy;

import java.time.Duration;

/**
 * The {@code [playback]} section: how {@code GET /api/record/object/{path}} serves objects.
 *
 * @param signedRedirect   answer reads with a 307 to a presigned URL of the S3 store instead of proxying the bytes
 *                         (default false; needs {@code [recorder.storage] type = "s3"})
 * @param signedTtlSeconds how long a presigned URL stays valid, 1 s to 7 days (default 60)
 */
public record PlaybackConfig(Boolean signedRedirect, Long signedTtlSeconds) {
    private static final long MAX_TTL_SECONDS = Duration.ofDays(7).toSeconds();

    public PlaybackConfig {
        signedRedirect = signedRedirect != null && signedRedirect;
        signedTtlSeconds = signedTtlSeconds == null ? 60 : signedTtlSeconds;
        if (signedTtlSeconds < 1 || signedTtlSeconds > MAX_TTL_SECONDS) {
            throw new IllegalArgumentException("signed_ttl_seconds: must be between 1 and " + MAX_TTL_SECONDS
                    + " (7 days, the longest S3 allows)");
        }
    }

    public static PlaybackConfig defaults() {
        return new PlaybackConfig(null, null);
    }

    public Duration signedTtl() {
        return Duration.ofSeconds(signedTtlSeconds);
    }
}
