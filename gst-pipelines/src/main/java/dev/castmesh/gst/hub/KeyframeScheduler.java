package dev.castmesh.gst.hub;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Sends a stream's key-frame requests to its publisher through a {@link KeyframeLimiter}. Used on the stream's
 * executor only; a request the limiter holds back is retried when the limiter allows (via {@code owner}), so a
 * viewer that connects just after another still gets its key frame without waiting for a poll.
 */
final class KeyframeScheduler {
    private final KeyframeLimiter limiter;
    private final BooleanSupplier request;
    private final Executor owner;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;

    /**
     * @param request sends one request upstream; false if it could not be sent (it stays wanted)
     * @param owner   the stream's executor
     */
    KeyframeScheduler(KeyframeLimiter limiter, BooleanSupplier request, Executor owner,
                      ScheduledExecutorService scheduler, Clock clock) {
        this.limiter = limiter;
        this.request = request;
        this.owner = owner;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** A key frame is wanted; it goes out at the next {@link #sendDue}. */
    void want() {
        limiter.want();
    }

    /** A key frame is wanted now: sent at once if the limiter allows, else as soon as it does. */
    void wantNow(Instant now) {
        limiter.want();
        sendDue(now);
        limiter.waitFor(now).ifPresent(wait -> scheduler.schedule(() -> owner.execute(() -> sendDue(clock.instant())),
                wait.toMillis(), TimeUnit.MILLISECONDS));
    }

    void sendDue(Instant now) {
        if (limiter.due(now) && !request.getAsBoolean()) {
            limiter.want();
        }
    }
}
