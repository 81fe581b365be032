package dev.castmesh.controlplane.cascade;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Runs one call per key at a time: callers that ask for a key whose call is under way wait for that call and get its
 * result (or its exception) instead of starting another. Nothing is cached: the next caller after the end calls again.
 */
public final class SingleFlight<K, V> {
    private final Map<K, CompletableFuture<V>> inFlight = new ConcurrentHashMap<>();

    public V run(K key, Supplier<V> call) {
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
            }
        }
        try {
            V value = call.get();
            mine.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    /** Keys whose call is under way now. */
    public int inFlight() {
        return inFlight.size();
    }
}
