package dev.castmesh.controlplane.cascade;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cascades this process set up a moment ago, so the viewers that arrive before the target's next heartbeat shows
 * the copy go straight to it instead of asking the agent again. Only an optimisation: another control-plane
 * instance asks once more, and the agent answers a repeated pull with a re-attach.
 */
final class RecentCascades {
    private final Map<String, Instant> until = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration memory;

    RecentCascades(Clock clock, Duration memory) {
        this.clock = clock;
        this.memory = memory;
    }

    void remember(String key) {
        Instant now = clock.instant();
        until.values().removeIf(end -> end.isBefore(now));
        until.put(key, now.plus(memory));
    }

    boolean recent(String key) {
        Instant end = until.get(key);
        return end != null && !clock.instant().isAfter(end);
    }
}
