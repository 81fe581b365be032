package dev.castmesh.agent.cascade;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides when a pulled copy ends: no viewer for its idle timeout, or no media from its source for
 * {@link #LOSS_AFTER} and then no re-attach bringing media back within {@link #REATTACH_GRACE}. Pure (the caller
 * passes the time); one instance per copy, called from one thread.
 */
final class CopyWatch {
    /** Silence after which the source counts as lost. */
    static final Duration LOSS_AFTER = Duration.ofSeconds(5);
    /** How long a lost copy waits for a re-attach (a new source) before it ends. */
    static final Duration REATTACH_GRACE = Duration.ofSeconds(10);

    /** @param state LIVE or LOST; {@code end} is the reason to end the copy, if it must */
    record Verdict(LegState state, Optional<String> end) {
    }

    private final Duration idleTimeout;
    private Instant idleSince;

    /** @param idleTimeout zero = never ends for lack of viewers */
    CopyWatch(Duration idleTimeout, Instant createdAt) {
        this.idleTimeout = idleTimeout;
        this.idleSince = createdAt;
    }

    /**
     * @param inUse           whether the copy has viewers or another agent's pull now (pushes out do not count)
     * @param lastPacketAgeMs milliseconds since the source's last media, -1 if none yet
     */
    Verdict observe(Instant now, boolean inUse, long lastPacketAgeMs) {
        if (inUse) {
            idleSince = null;
        } else if (idleSince == null) {
            idleSince = now;
        }
        if (!idleTimeout.isZero() && idleSince != null && !now.isBefore(idleSince.plus(idleTimeout))) {
            return new Verdict(LegState.LIVE, Optional.of("no viewer for " + idleTimeout.toSeconds() + " s"));
        }
        if (lastPacketAgeMs > LOSS_AFTER.plus(REATTACH_GRACE).toMillis()) {
            return new Verdict(LegState.LOST, Optional.of("source lost (no media for " + lastPacketAgeMs / 1000
                    + " s, no re-attach)"));
        }
        return new Verdict(lastPacketAgeMs > LOSS_AFTER.toMillis() ? LegState.LOST : LegState.LIVE, Optional.empty());
    }
}
