package dev.castmesh.agent.cascade;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides, from what a leg looks like now, whether it goes on: pure (the time and the readings are passed in), so
 * every rule is unit-tested with a fake clock. The manager reads, this decides, the manager acts.
 */
final class CascadeWatchdog {
    /**
     * A push whose target sent no RTCP report this long has lost its target. webrtcbin peers send one every
     * 2.5-7.5 s (browsers about every second), and under load the first can come late: twice the longest interval
     * plus margin.
     */
    static final Duration TARGET_SILENCE = Duration.ofSeconds(20);
    /** A push whose local stream sent nothing this long ends (the local stream is gone in all but name). */
    static final Duration PUSH_MEDIA_SILENCE = CopyWatch.LOSS_AFTER.plus(CopyWatch.REATTACH_GRACE);

    private CascadeWatchdog() {
    }

    /**
     * A pull and the copy it feeds.
     *
     * @param copyPresent     the local stream exists and is still a copy
     * @param failure         why the leg cannot carry media, if it cannot
     * @param inUse           the copy has viewers or another agent's pull
     * @param lastPacketAgeMs since the source's last media, -1 before the first
     */
    record PullReading(boolean copyPresent, Optional<String> failure, boolean inUse, long lastPacketAgeMs) {
    }

    /**
     * A push of a local stream.
     *
     * @param streamPresent    the local stream still exists
     * @param lastTargetReport when the target last sent an RTCP report (or when the push started)
     */
    record PushReading(boolean streamPresent, Optional<String> failure, long lastPacketAgeMs, Instant lastTargetReport) {
    }

    /** The pull's state now, and the reason to end it if it must end. */
    static CopyWatch.Verdict pull(CopyWatch watch, PullReading r, Instant now) {
        if (!r.copyPresent()) {
            return new CopyWatch.Verdict(LegState.CLOSED, Optional.of("the copy ended"));
        }
        if (r.failure().isPresent()) {
            return new CopyWatch.Verdict(LegState.CLOSED, Optional.of("leg failed: " + r.failure().get()));
        }
        return watch.observe(now, r.inUse(), r.lastPacketAgeMs());
    }

    /** The reason to end a push, if it must end. */
    static Optional<String> push(PushReading r, Instant now) {
        if (!r.streamPresent()) {
            return Optional.of("the local stream ended");
        }
        if (r.failure().isPresent()) {
            return Optional.of("bridge failed: " + r.failure().get());
        }
        if (r.lastPacketAgeMs() > PUSH_MEDIA_SILENCE.toMillis()) {
            return Optional.of("no media from the local stream");
        }
        if (!now.isBefore(r.lastTargetReport().plus(TARGET_SILENCE))) {
            return Optional.of("the target sent no receiver report for " + TARGET_SILENCE.toSeconds() + " s");
        }
        return Optional.empty();
    }

    /** A copy another agent pushes here with an idle timeout: the reason to end it, if it must end. */
    static Optional<String> pushedCopy(CopyWatch watch, boolean inUse, Instant now) {
        // the pushing agent watches its own media: only idleness is decided here
        return watch.observe(now, inUse, 0).end();
    }
}
