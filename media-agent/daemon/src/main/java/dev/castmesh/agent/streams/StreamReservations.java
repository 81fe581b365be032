package dev.castmesh.agent.streams;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Streams created ahead of their publisher ({@code POST /api/streams/{stream}}, Liveman's "create"): listed in views and
 * heartbeats with no publisher until {@code DELETE /api/streams/{stream}} releases them; a WHIP publish to one works as
 * to any name, and the reservation outlives the publisher (the stream waits for the next). The one owner of the set:
 * atomic operations on a concurrent map, readers get sorted copies.
 */
@Singleton
public final class StreamReservations {
    private final ConcurrentMap<String, Instant> reserved = new ConcurrentHashMap<>();
    private final Clock clock;

    StreamReservations(Clock clock) {
        this.clock = clock;
    }

    /** Reserves a name; false if it was reserved already. */
    boolean reserve(String stream) {
        return reserved.putIfAbsent(stream, clock.instant()) == null;
    }

    /** Releases a name; false if it was not reserved. */
    boolean release(String stream) {
        return reserved.remove(stream) != null;
    }

    /** When the name was reserved, if it is. */
    Optional<Instant> since(String stream) {
        return Optional.ofNullable(reserved.get(stream));
    }

    /** Whether the name is reserved. */
    public boolean reserved(String stream) {
        return reserved.containsKey(stream);
    }

    /** Every reservation and its time, by name. */
    public SortedMap<String, Instant> all() {
        return new TreeMap<>(Map.copyOf(reserved));
    }
}
