package dev.castmesh.agent.registration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

/**
 * The sender's state between heartbeats: it decides the next delay and which transitions deserve a log line
 * (one when the control plane becomes unreachable, one when it is back; not one per heartbeat). Pure, with an
 * injected clock and random source; used by one thread.
 *
 * <p>A failed heartbeat is retried at the interval, scaled by a jitter in [{@value #MIN_JITTER}, 1.0) so that many
 * agents do not retry in lock-step, never later: a node is offline after 3 missed intervals, so any longer back-off
 * would keep a node offline after its control plane is back (issue 10: 8.5 to 30 s with the old doubling back-off).
 * A heartbeat is one small request, which a recovering control plane answers in about a millisecond.
 */
final class HeartbeatTracker {
    enum State { STARTING, REGISTERED, UNREACHABLE, UNAUTHORIZED, REJECTED }

    /** The next delay and whether this outcome changed the state (worth one log line). */
    record Decision(Duration delay, boolean changed, State previous) {
    }

    private final Clock clock;
    private final Duration interval;
    static final double MIN_JITTER = 0.75;

    private final DoubleSupplier random;
    private State state = State.STARTING;
    private Instant lastSuccess;
    private int failures;
    private String lastError;

    HeartbeatTracker(Clock clock, Duration interval, DoubleSupplier random) {
        this.clock = clock;
        this.interval = interval;
        this.random = random;
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
        double factor = MIN_JITTER + (1 - MIN_JITTER) * Math.max(0, Math.min(random.getAsDouble(), 1.0));
        Duration delay = Duration.ofMillis(Math.max(1, Math.round(interval.toMillis() * factor)));
        return new Decision(delay, previous != kind, previous);
    }

    int failures() {
        return failures;
    }

    HeartbeatStatus status(String alias, String controlPlane) {
        return new HeartbeatStatus(alias, controlPlane, state.name(), lastSuccess, failures, lastError);
    }
}
