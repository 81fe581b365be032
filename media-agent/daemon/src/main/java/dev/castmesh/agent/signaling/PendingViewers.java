package dev.castmesh.agent.signaling;

import dev.castmesh.agent.config.StrategyConfig;
import dev.castmesh.gst.hub.SessionState;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Never-connected viewers per client ({@code [strategy] max_pending_per_client}, {@code pending_timeout}; issue 10):
 * a WHEP offer takes a place in its client's budget before it is negotiated and holds it until its session connects
 * or ends; one still not connected after the timeout is handed back by {@link #sweep} to be ended. So one client's
 * never-connecting offers hold neither more than its budget nor any place for long, and cannot fill a stream's seats.
 * Pure: the time comes from the {@link Clock}; thread-safe (one lock).
 */
@Singleton
final class PendingViewers {
    private final Clock clock;
    private final int perClient;
    private final Duration timeout;
    private final List<Place> places = new ArrayList<>();

    @Inject
    PendingViewers(Clock clock, StrategyConfig strategy) {
        this(clock, strategy.maxPendingPerClient(), strategy.pendingTimeout());
    }

    PendingViewers(Clock clock, int perClient, Duration timeout) {
        this.clock = clock;
        this.perClient = perClient;
        this.timeout = timeout;
    }

    int perClient() {
        return perClient;
    }

    /** A session to end: never connected within the timeout. */
    record Expired(String stream, String sessionId) {
    }

    /** A place in a client's budget; {@link #answered} ties it to its session, {@link #close} gives it back if not. */
    final class Place implements AutoCloseable {
        private final String client;
        private final Instant since;
        private String stream;
        private String sessionId;

        private Place(String client, Instant since) {
            this.client = client;
            this.since = since;
        }

        void answered(String stream, String sessionId) {
            synchronized (PendingViewers.this) {
                this.stream = stream;
                this.sessionId = sessionId;
            }
        }

        /** Gives the place back unless a session holds it (the offer was refused or failed). */
        @Override
        public void close() {
            synchronized (PendingViewers.this) {
                if (sessionId == null) {
                    places.remove(this);
                }
            }
        }
    }

    /** A place for one more offer of {@code client}, or empty when it already has its budget of pending viewers. */
    synchronized Optional<Place> reserve(String client) {
        long held = places.stream().filter(place -> place.client.equals(client)).count();
        if (held >= perClient) {
            return Optional.empty();
        }
        Place place = new Place(client, clock.instant());
        places.add(place);
        return Optional.of(place);
    }

    /**
     * Lets go of the places whose session connected or is gone, and of those not connected after the timeout, which
     * it returns: the caller ends them.
     *
     * @param states the engine's state of a session by stream and id, null when it has none
     */
    synchronized List<Expired> sweep(BiFunction<String, String, SessionState> states) {
        Instant now = clock.instant();
        List<Expired> expired = new ArrayList<>();
        for (Iterator<Place> it = places.iterator(); it.hasNext(); ) {
            Place place = it.next();
            if (place.sessionId == null) {
                continue; // still being negotiated (bounded by the engine's negotiation timeout)
            }
            SessionState state = states.apply(place.stream, place.sessionId);
            if (state != SessionState.NEGOTIATING && state != SessionState.CONNECTING) {
                it.remove();
            } else if (!now.isBefore(place.since.plus(timeout))) {
                it.remove();
                expired.add(new Expired(place.stream, place.sessionId));
            }
        }
        return expired;
    }

    /** How many places are held (for tests and state descriptions). */
    synchronized int held() {
        return places.size();
    }
}
