package dev.castmesh.gst.record;

import java.time.Duration;
import java.time.Instant;

/**
 * Decides when to ask the publisher for a key frame so that the next GOP, hence the next segment,
 * starts at about the target duration: {@code lead} before the current segment's target end, then
 * again every target while no new segment starts (a lost request, a publisher that was slow). Pure.
 */
final class KeyframePacer {
    private final Duration target;
    private final Duration lead;
    private Instant segmentStart;
    private Instant lastRequest;

    KeyframePacer(Duration target, Duration lead) {
        this.target = target;
        this.lead = lead;
    }

    /** A segment started now (its first key frame reached the muxer): schedules the next request. */
    void segmentStarted(Instant now) {
        segmentStart = now;
        lastRequest = null;
    }

    /** @return true (and remembers it) when a key frame request is due now */
    boolean due(Instant now) {
        if (segmentStart == null) {
            segmentStart = now;
            lastRequest = now;
            return true;
        }
        Instant next = lastRequest == null ? segmentStart.plus(target).minus(lead) : lastRequest.plus(target);
        if (now.isBefore(next)) {
            return false;
        }
        lastRequest = now;
        return true;
    }
}
