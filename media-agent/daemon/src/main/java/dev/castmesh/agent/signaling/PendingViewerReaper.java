package dev.castmesh.agent.signaling;

import dev.castmesh.gst.errors.MediaException;
import dev.castmesh.gst.hub.MediaEngine;
import dev.castmesh.gst.hub.SessionState;
import dev.castmesh.gst.hub.StreamSnapshot;
import dev.castmesh.gst.hub.ViewerSnapshot;
import dev.castmesh.server.threads.Timers;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Every half second, ends the viewer sessions {@link PendingViewers} finds still not connected after
 * {@code [strategy] pending_timeout} (the engine alone would wait for its idle timeout, 30 s).
 */
@Context
final class PendingViewerReaper {
    private static final Logger LOG = LoggerFactory.getLogger(PendingViewerReaper.class);
    private static final long SWEEP_MS = 500;

    private final MediaEngine engine;
    private final PendingViewers pending;
    private final SessionRegistry sessions;
    private final ScheduledExecutorService timer = Timers.daemon("castmesh-pending-viewers");

    PendingViewerReaper(MediaEngine engine, PendingViewers pending, SessionRegistry sessions) {
        this.engine = engine;
        this.pending = pending;
        this.sessions = sessions;
        timer.scheduleWithFixedDelay(this::sweep, SWEEP_MS, SWEEP_MS, TimeUnit.MILLISECONDS);
    }

    void sweep() {
        try {
            Map<String, SessionState> states = new HashMap<>();
            for (StreamSnapshot stream : engine.streams()) {
                for (ViewerSnapshot viewer : stream.viewers()) {
                    states.put(stream.stream() + "\n" + viewer.sessionId(), viewer.state());
                }
            }
            for (PendingViewers.Expired expired : pending.sweep((stream, id) -> states.get(stream + "\n" + id))) {
                end(expired);
            }
        } catch (RuntimeException e) {
            LOG.warn("pending viewer sweep failed", e);
        }
    }

    private void end(PendingViewers.Expired expired) {
        try {
            engine.endSession(expired.stream(), expired.sessionId());
        } catch (MediaException gone) {
            // ended meanwhile
        }
        sessions.remove(expired.stream(), expired.sessionId());
        LOG.atInfo().addKeyValue("stream", expired.stream()).addKeyValue("session", expired.sessionId())
                .log("viewer ended: not connected within [strategy] pending_timeout");
    }

    @PreDestroy
    void close() {
        timer.shutdownNow();
    }
}
