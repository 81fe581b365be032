package dev.castmesh.agent.registration;

import dev.castmesh.agent.retry.Backoff;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The sender's state between heartbeats: it decides the next delay and which transitions deserve a log line
 * (one when the control plane becomes unreachable, one when it is back; not one per heartbeat). Pure, with an
 * injected clock; used by one thread.
 */
final class HeartbeatTracker {
    enum State { STARTING, REGISTERED, UNREACHABLE, UNAUTHORIZED, REJECTED }

    /** The next delay and whether this outcome changed the state (worth one log line). */
    record Decision(Duration delay, boolean changed, State previous) {
    }

    private final Clock clock;
    private final Duration interval;
    private final Backoff backoff;
    private State state = State.STARTING;
    private Instant lastSuccess;
    private int failures;
    private String lastError;

    HeartbeatTracker(Clock clock, Duration interval, Backoff backoff) {
        this.clock = clock;
        this.interval = interval;
        this.backoff = backoff;
    }

    Decision success() {
        State previous = state;
        state = State.REGISTERED;
        lastSuccess = clock.instant();
        failures = 0;
        lastError = null;
        return new Decision(interval, previous != State.REGISTERED, previous);
    }

    /** @param kind UNREACHABLE, UNAUTHORIZED or REJECTED */
    Decision failure(State kind, String error) {
        State previous = state;
        state = kind;
        failures++;
        lastError = error;
        Duration delay = kind == State.UNAUTHORIZED ? backoff.atCap() : backoff.after(failures);
        return new Decision(delay, previous != kind, previous);
    }

    int failures() {
        return failures;
    }

    HeartbeatStatus status(String alias, String controlPlane) {
        return new HeartbeatStatus(alias, controlPlane, state.name(), lastSuccess, failures, lastError);
    }
}
