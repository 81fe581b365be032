package dev.castmesh.gst.hub;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides when a session is dead: ICE/DTLS failed or closed, never connected within the timeout,
 * disconnected for longer than the timeout, or connected but silent (no progress in its counter) for
 * longer than the silence timeout. Pure: fed with observations and a time.
 */
final class SessionLiveness {
    private final Instant createdAt;
    private final Duration connectTimeout;
    private final Duration silenceTimeout;
    private SessionState state = SessionState.NEGOTIATING;
    private Instant stateSince;
    private long mark = Long.MIN_VALUE;
    private Instant markChangedAt;

    SessionLiveness(Instant createdAt, Duration connectTimeout, Duration silenceTimeout) {
        this.createdAt = createdAt;
        this.connectTimeout = connectTimeout;
        this.silenceTimeout = silenceTimeout;
        this.stateSince = createdAt;
        this.markChangedAt = createdAt;
    }

    SessionState state() {
        return state;
    }

    /** @return true when the state changed with this observation */
    boolean observeState(SessionState newState, Instant now) {
        if (newState == state) {
            return false;
        }
        state = newState;
        stateSince = now;
        if (newState == SessionState.CONNECTED) {
            markChangedAt = now;
        }
        return true;
    }

    /** @param progressMark a counter that changes while the peer is alive (bytes in, receiver reports) */
    void observeProgress(long progressMark, Instant now) {
        if (progressMark != mark) {
            mark = progressMark;
            markChangedAt = now;
        }
    }

    Optional<String> reapReason(Instant now) {
        return switch (state) {
            case FAILED -> Optional.of("ICE/DTLS failed");
            case CLOSED -> Optional.of("connection closed");
            case NEGOTIATING, CONNECTING -> expired(createdAt, connectTimeout, now)
                    ? Optional.of("not connected after " + connectTimeout.toSeconds() + " s") : Optional.empty();
            case DISCONNECTED -> expired(stateSince, connectTimeout, now)
                    ? Optional.of("disconnected for " + connectTimeout.toSeconds() + " s") : Optional.empty();
            case CONNECTED -> expired(markChangedAt, silenceTimeout, now)
                    ? Optional.of("silent for " + silenceTimeout.toSeconds() + " s") : Optional.empty();
        };
    }

    private static boolean expired(Instant since, Duration timeout, Instant now) {
        return !now.isBefore(since.plus(timeout));
    }
}
