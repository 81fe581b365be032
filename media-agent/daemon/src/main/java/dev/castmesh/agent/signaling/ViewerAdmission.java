package dev.castmesh.agent.signaling;

import dev.castmesh.api.http.ErrorCode;
import dev.castmesh.agent.config.StrategyConfig;
import dev.castmesh.agent.http.ApiException;
import dev.castmesh.gst.hub.MediaEngine;
import dev.castmesh.gst.hub.StreamSnapshot;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.Map;

/**
 * {@code [strategy] each_stream_max_sub} and {@code max_viewers}: a WHEP offer reserves a seat before it is
 * negotiated (so concurrent offers cannot overshoot) and releases the reservation once the engine counts
 * the viewer or refused it. Full → 503. Only sessions in the viewer role take a seat
 * ({@link StreamSnapshot#viewerCount()}): cascade pulls and pushes do not.
 */
@Singleton
final class ViewerAdmission {
    private final MediaEngine engine;
    private final StrategyConfig strategy;
    private final Map<String, Integer> pending = new HashMap<>();
    private int pendingTotal;

    ViewerAdmission(MediaEngine engine, StrategyConfig strategy) {
        this.engine = engine;
        this.strategy = strategy;
    }

    /** Reserves a seat on {@code stream}; close the returned seat when the offer has been answered or refused. */
    Seat reserve(String stream) {
        synchronized (pending) {
            int onStream = engine.stream(stream).map(StreamSnapshot::viewerCount).orElse(0) + pending.getOrDefault(stream, 0);
            if (onStream >= strategy.eachStreamMaxSub()) {
                throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.STREAM_FULL,
                        "stream '" + stream + "' has "
                        + strategy.eachStreamMaxSub() + " viewers, its limit (strategy.each_stream_max_sub)");
            }
            int total = engine.streams().stream().mapToInt(StreamSnapshot::viewerCount).sum() + pendingTotal;
            if (total >= strategy.maxViewers()) {
                throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.AGENT_FULL, "this agent has "
                        + strategy.maxViewers() + " viewers, its limit (strategy.max_viewers)");
            }
            pending.merge(stream, 1, Integer::sum);
            pendingTotal++;
        }
        return () -> {
            synchronized (pending) {
                pending.computeIfPresent(stream, (k, n) -> n <= 1 ? null : n - 1);
                pendingTotal--;
            }
        };
    }

    /** A reservation; closing it twice is a bug, so callers use try-with-resources. */
    interface Seat extends AutoCloseable {
        @Override
        void close();
    }
}
