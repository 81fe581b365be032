package dev.castmesh.gst.record;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Groups the fragments of one track into media segments of about the target duration, cutting only
 * before a fragment that starts with a key frame. mp4mux closes a video fragment at every key frame,
 * so a segment is one or more whole GOPs; the recorder asks the publisher for key frames at the target
 * so that a GOP is about one segment. A segment is closed as soon as it is long enough (no wait for the
 * next fragment), at {@code target - min(target / 4, 500 ms)}, which absorbs the key frame request's
 * round trip. Fragments before the first key frame are dropped (nothing can decode them). Pure.
 */
final class SegmentCutter {
    private static final Duration MAX_EARLY = Duration.ofMillis(500);

    private final long cutTicks;
    private final List<Fragment> current = new ArrayList<>();
    private long currentDuration;
    private boolean synced;
    private long dropped;

    SegmentCutter(long timescale, Duration target) {
        Duration early = target.dividedBy(4).compareTo(MAX_EARLY) < 0 ? target.dividedBy(4) : MAX_EARLY;
        this.cutTicks = target.minus(early).toNanos() * timescale / 1_000_000_000L;
    }

    /** @return the completed segment, if this fragment completes one */
    Optional<Segment> offer(Fragment f) {
        if (!synced) {
            if (!f.startsWithSync()) {
                dropped++;
                return Optional.empty();
            }
            synced = true;
        }
        if (!current.isEmpty() && f.startsWithSync() && currentDuration >= cutTicks) {
            Segment done = build();
            add(f);
            return Optional.of(done);
        }
        add(f);
        return currentDuration >= cutTicks ? Optional.of(build()) : Optional.empty();
    }

    /** End of stream: whatever is left, as a last (possibly short) segment. */
    Optional<Segment> flush() {
        return current.isEmpty() ? Optional.empty() : Optional.of(build());
    }

    /** Fragments dropped before the first key frame. */
    long dropped() {
        return dropped;
    }

    private void add(Fragment f) {
        current.add(f);
        currentDuration += f.duration();
    }

    private Segment build() {
        Fragment first = current.get(0);
        Segment s = new Segment(current, first.decodeTime(), currentDuration, first.startsWithSync());
        current.clear();
        currentDuration = 0;
        return s;
    }
}
