package dev.castmesh.agent.cascade;

import dev.castmesh.agent.config.AgentConfig;
import dev.castmesh.agent.http.ApiException;
import dev.castmesh.agent.signaling.PushedCopyWatch;
import dev.castmesh.api.streams.CascadeLink;
import dev.castmesh.gst.cascade.BridgeOptions;
import dev.castmesh.gst.cascade.CascadeBridge;
import dev.castmesh.gst.cascade.LocalExchange;
import dev.castmesh.gst.hub.MediaEngine;
import dev.castmesh.gst.hub.StreamSnapshot;
import io.micronaut.http.HttpStatus;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Owns the agent's cascade bridges: at most one pull per stream (feeding the local copy) and any number of pushes
 * per local stream. Set-up and re-attach of one stream are serialised by a per-stream lock; a one-second timer ends
 * legs whose stream is gone, whose bridge failed, whose copy has been idle for its idle timeout, or whose source
 * has been lost past the grace period. A failing bridge is closed on its own; it never affects other streams.
 */
@Singleton
public final class CascadeManager implements PushedCopyWatch {
    private static final Logger LOG = LoggerFactory.getLogger(CascadeManager.class);
    private static final Duration TICK = Duration.ofSeconds(1);
    /**
     * A push whose target sent no RTCP receiver report this long has lost its target. webrtcbin peers send one every
     * 2.5-7.5 s (browsers about every second), and under load the first can come late: twice the longest interval
     * plus margin.
     */
    static final Duration TARGET_SILENCE = Duration.ofSeconds(20);

    private final MediaEngine engine;
    private final BridgeOptions options;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, CascadeLeg> pulls = new ConcurrentHashMap<>();
    private final Map<String, List<CascadeLeg>> pushes = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    /** Copies other agents push here with an idle timeout (WHIP {@code ?cascadeFrom=&idleTimeout=}), by stream. */
    private final Map<String, PushedCopy> pushedCopies = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "castmesh-cascade-watch"));
    private final ExecutorService closer = Executors.newCachedThreadPool(r -> daemon(r, "castmesh-cascade-close"));

    CascadeManager(MediaEngine engine, AgentConfig config) {
        this.engine = engine;
        this.options = new BridgeOptions(config.webrtc().negotiationTimeout(),
                dev.castmesh.agent.media.EngineUrls.of(config.iceServers()));
        timer.scheduleWithFixedDelay(this::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The outcome of a cascade request: the leg and whether it is new (201) or a re-attach (200). */
    record Outcome(boolean created, CascadeLink link) {
    }

    /**
     * Pulls {@code stream} from the order's source into a local copy, or re-attaches the existing copy to it.
     *
     * @throws ApiException 409 when a real publisher (or another agent's push) feeds the stream here
     * @throws dev.castmesh.gst.cascade.CascadeException when the source refuses or times out
     */
    Outcome pull(String stream, CascadeOrder order) {
        synchronized (lock(stream)) {
            CascadeLeg existing = pulls.get(stream);
            if (existing != null) {
                existing.bridge().reattach(source(order));
                existing.retarget(order.shownUrl(), order.node());
                engine.relabelCopy(stream, order.node());
                LOG.atInfo().addKeyValue("stream", stream).addKeyValue("source", order.shownUrl())
                        .log("cascade copy re-attached");
                return new Outcome(false, existing.view());
            }
            Optional<StreamSnapshot> local = engine.stream(stream);
            if (local.isPresent()) {
                throw new ApiException(HttpStatus.CONFLICT, "stream_published", local.get().copy()
                        ? "stream '" + stream + "' is already a copy pushed here from " + local.get().cascadeFrom()
                        : "stream '" + stream + "' is published on this agent by a real publisher");
            }
            LocalExchange target = LocalExchange.publishCopy(engine, stream, order.node());
            CascadeBridge bridge = CascadeBridge.open(stream, source(order), target, options);
            CascadeLeg leg = new CascadeLeg(stream, true, bridge, new CopyWatch(order.idleTimeout(), clock.instant()),
                    target.sessionId(), order.shownUrl(), order.node());
            pulls.put(stream, leg);
            LOG.atInfo().addKeyValue("stream", stream).addKeyValue("source", order.shownUrl()).log("cascade copy live");
            return new Outcome(true, leg.view());
        }
    }

    /**
     * Pushes the local {@code stream} to the order's target.
     *
     * @throws ApiException 404 when the stream is not on this agent
     */
    Outcome push(String stream, CascadeOrder order) {
        synchronized (lock(stream)) {
            if (engine.stream(stream).isEmpty()) {
                throw new ApiException(HttpStatus.NOT_FOUND, "stream_not_found", "stream '" + stream
                        + "' is not on this agent");
            }
            for (CascadeLeg leg : pushes.getOrDefault(stream, List.of())) {
                if (leg.url().equals(order.shownUrl())) {
                    return new Outcome(false, leg.view());
                }
            }
            LocalExchange source = LocalExchange.subscribe(engine, stream);
            CascadeBridge bridge = CascadeBridge.open(stream, source, remote(order), options);
            CascadeLeg leg = new CascadeLeg(stream, false, bridge, null, source.sessionId(), order.shownUrl(), null);
            pushes.computeIfAbsent(stream, s -> new CopyOnWriteArrayList<>()).add(leg);
            LOG.atInfo().addKeyValue("stream", stream).addKeyValue("target", order.shownUrl()).log("cascade push live");
            return new Outcome(true, leg.view());
        }
    }

    /** A copy pushed here by another agent, ended after its idle timeout without viewers. */
    private record PushedCopy(String sessionId, CopyWatch watch) {
    }

    /**
     * Ends the copy that the WHIP session {@code sessionId} publishes (another agent's push, {@code ?cascadeFrom=})
     * once it has had no viewer for {@code idleTimeout}, like a pulled copy; the pushing agent's leg then ends as its
     * target is gone. Forgotten when that session no longer feeds the stream.
     */
    @Override
    public void watchPushedCopy(String stream, String sessionId, Duration idleTimeout) {
        pushedCopies.put(stream, new PushedCopy(sessionId, new CopyWatch(idleTimeout, clock.instant())));
    }

    /** The stream's cascade legs: its pull first, then its pushes. */
    public List<CascadeLink> links(String stream) {
        List<CascadeLink> links = new ArrayList<>();
        Optional.ofNullable(pulls.get(stream)).ifPresent(l -> links.add(l.view()));
        pushes.getOrDefault(stream, List.of()).forEach(l -> links.add(l.view()));
        return links;
    }

    int pullCount() {
        return pulls.size();
    }

    int pushCount() {
        return pushes.values().stream().mapToInt(List::size).sum();
    }

    @PreDestroy
    void close() {
        timer.shutdownNow();
        List<CascadeLeg> all = new ArrayList<>(pulls.values());
        pushes.values().forEach(all::addAll);
        pulls.clear();
        pushes.clear();
        all.forEach(l -> l.bridge().close());
        closer.shutdown();
    }

    private void tick() {
        Instant now = clock.instant();
        for (CascadeLeg leg : List.copyOf(pulls.values())) {
            guarded(leg, () -> checkPull(leg, now));
        }
        pushes.values().forEach(list -> list.forEach(leg -> guarded(leg, () -> checkPush(leg, now))));
        pushedCopies.forEach((stream, copy) -> {
            try {
                checkPushedCopy(stream, copy, now);
            } catch (RuntimeException e) {
                pushedCopies.remove(stream, copy);
                LOG.atWarn().addKeyValue("stream", stream).log("pushed copy check failed: " + e);
            }
        });
    }

    private void checkPushedCopy(String stream, PushedCopy copy, Instant now) {
        Optional<StreamSnapshot> local = engine.stream(stream);
        if (local.isEmpty() || !local.get().copy() || local.get().publisher() == null
                || !local.get().publisher().sessionId().equals(copy.sessionId())) {
            pushedCopies.remove(stream, copy);
            return;
        }
        // The source watches its own media: only idleness is decided here.
        Optional<String> end = copy.watch().observe(now, local.get().inUse(), 0).end();
        if (end.isPresent() && pushedCopies.remove(stream, copy)) {
            LOG.atInfo().addKeyValue("stream", stream).addKeyValue("from", local.get().cascadeFrom())
                    .log("pushed cascade copy ended: " + end.get());
            closer.execute(() -> engine.endSession(stream, copy.sessionId()));
        }
    }

    private void checkPull(CascadeLeg leg, Instant now) {
        Optional<StreamSnapshot> copy = engine.stream(leg.stream());
        if (copy.isEmpty() || !copy.get().copy()) {
            end(leg, "the copy ended");
            return;
        }
        if (leg.bridge().error().isPresent()) {
            end(leg, "bridge failed");
            return;
        }
        CopyWatch.Verdict verdict = leg.watch().observe(now, copy.get().inUse(), leg.bridge().snapshot().lastPacketAgeMs());
        if (!verdict.state().equals(leg.state())) {
            if ("LOST".equals(verdict.state())) {
                LOG.atWarn().addKeyValue("stream", leg.stream()).addKeyValue("source", leg.url())
                        .log("cascade source lost; waiting " + CopyWatch.REATTACH_GRACE.toSeconds() + " s for a re-attach");
            }
            leg.state(verdict.state());
        }
        verdict.end().ifPresent(reason -> end(leg, reason));
    }

    private void checkPush(CascadeLeg leg, Instant now) {
        if (engine.stream(leg.stream()).isEmpty()) {
            end(leg, "the local stream ended");
        } else if (leg.bridge().error().isPresent()) {
            end(leg, "bridge failed");
        } else if (leg.bridge().snapshot().lastPacketAgeMs() > CopyWatch.LOSS_AFTER.plus(CopyWatch.REATTACH_GRACE).toMillis()) {
            end(leg, "no media from the local stream");
        } else if (!now.isBefore(leg.pollTargetFeedback(clock).plus(TARGET_SILENCE))) {
            end(leg, "the target sent no receiver report for " + TARGET_SILENCE.toSeconds() + " s");
        }
    }

    /** Forgets the leg now and closes its bridge on another thread (closing may wait for remote DELETEs). */
    private void end(CascadeLeg leg, String reason) {
        boolean removed = leg.pull() ? pulls.remove(leg.stream(), leg)
                : pushes.getOrDefault(leg.stream(), List.of()).remove(leg);
        if (!leg.pull()) {
            pushes.computeIfPresent(leg.stream(), (s, list) -> list.isEmpty() ? null : list);
        }
        if (removed) {
            leg.state("CLOSED");
            LOG.atInfo().addKeyValue("stream", leg.stream()).addKeyValue("url", leg.url())
                    .log("cascade " + (leg.pull() ? "copy" : "push") + " ended: " + reason);
            closer.execute(() -> leg.bridge().close());
        }
    }

    private void guarded(CascadeLeg leg, Runnable check) {
        try {
            check.run();
        } catch (RuntimeException e) {
            LOG.atWarn().addKeyValue("stream", leg.stream()).log("cascade check failed: " + e);
            end(leg, "check failed");
        }
    }

    private RemoteSdpExchange source(CascadeOrder order) {
        return remote(order);
    }

    private RemoteSdpExchange remote(CascadeOrder order) {
        return new RemoteSdpExchange(order.url(), Optional.ofNullable(order.token()), options.timeout());
    }

    private Object lock(String stream) {
        return locks.computeIfAbsent(stream, s -> new Object());
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
