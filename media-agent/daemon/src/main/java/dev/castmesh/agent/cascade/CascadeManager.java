package dev.castmesh.agent.cascade;

import dev.castmesh.api.http.ErrorCode;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Owns the agent's cascade legs: at most one pull per stream (feeding the local copy) and any number of pushes per
 * local stream. The bookkeeping (which legs exist) lives on one owner thread, which also runs the one-second watch:
 * it reads each leg, lets {@link CascadeWatchdog} decide, and ends legs whose stream is gone, whose bridge failed,
 * whose copy has been idle for its idle timeout, or whose source has been lost past the grace period. Setting up or
 * re-attaching a leg (seconds of negotiation) runs on the requesting thread, serialised per stream; closing runs on
 * a closer pool. A failing leg is closed on its own; it never affects other streams.
 */
@Singleton
public final class CascadeManager implements PushedCopyWatch {
    private static final Logger LOG = LoggerFactory.getLogger(CascadeManager.class);
    private static final Duration TICK = Duration.ofSeconds(1);
    /** Same-stream requests are serialised on one of these (bounded: a lock per stream name would only grow). */
    private static final int SETUP_STRIPES = 64;

    private final MediaEngine engine;
    private final BridgeOptions options;
    private final Clock clock;
    private final Object[] setupStripes = new Object[SETUP_STRIPES];
    // owner thread only
    private final Map<String, CascadeLeg> pulls = new HashMap<>();
    private final Map<String, List<CascadeLeg>> pushes = new HashMap<>();
    /** Copies other agents push here with an idle timeout (WHIP {@code ?cascadeFrom=&idleTimeout=}), by stream. */
    private final Map<String, PushedCopy> pushedCopies = new HashMap<>();
    private final ScheduledExecutorService owner = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "castmesh-cascade"));
    private final ExecutorService closer = Executors.newCachedThreadPool(r -> daemon(r, "castmesh-cascade-close"));

    CascadeManager(MediaEngine engine, AgentConfig config, Clock clock) {
        this.engine = engine;
        this.clock = clock;
        this.options = new BridgeOptions(config.webrtc().negotiationTimeout(),
                dev.castmesh.agent.media.EngineUrls.of(config.iceServers()));
        for (int i = 0; i < SETUP_STRIPES; i++) {
            setupStripes[i] = new Object();
        }
        owner.scheduleWithFixedDelay(this::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
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
        synchronized (setupStripe(stream)) {
            CascadeLeg existing = onOwner(() -> pulls.get(stream));
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
                throw new ApiException(HttpStatus.CONFLICT, ErrorCode.STREAM_ALREADY_PUBLISHED, local.get().copy()
                        ? "stream '" + stream + "' is already a copy pushed here from " + local.get().cascadeFrom()
                        : "stream '" + stream + "' is published on this agent by a real publisher");
            }
            LocalExchange target = LocalExchange.publishCopy(engine, stream, order.node());
            CascadeBridge bridge = CascadeBridge.open(stream, source(order), target, options);
            CascadeLeg leg = new CascadeLeg(stream, true, bridge, new CopyWatch(order.idleTimeout(), clock.instant()),
                    target.sessionId(), order.shownUrl(), order.node(), clock.instant());
            onOwner(() -> pulls.put(stream, leg));
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
        synchronized (setupStripe(stream)) {
            if (engine.stream(stream).isEmpty()) {
                throw new ApiException(HttpStatus.NOT_FOUND, ErrorCode.STREAM_NOT_FOUND, "stream '" + stream
                        + "' is not on this agent");
            }
            Optional<CascadeLeg> same = onOwner(() -> pushes.getOrDefault(stream, List.of()).stream()
                    .filter(l -> l.url().equals(order.shownUrl())).findFirst());
            if (same.isPresent()) {
                return new Outcome(false, same.get().view());
            }
            LocalExchange source = LocalExchange.subscribe(engine, stream);
            CascadeBridge bridge = CascadeBridge.open(stream, source, remote(order), options);
            CascadeLeg leg = new CascadeLeg(stream, false, bridge, null, source.sessionId(), order.shownUrl(), null,
                    clock.instant());
            onOwner(() -> pushes.computeIfAbsent(stream, s -> new ArrayList<>()).add(leg));
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
        PushedCopy copy = new PushedCopy(sessionId, new CopyWatch(idleTimeout, clock.instant()));
        owner.execute(() -> pushedCopies.put(stream, copy));
    }

    /** The stream's cascade legs: its pull first, then its pushes. */
    public List<CascadeLink> links(String stream) {
        List<CascadeLeg> legs = onOwner(() -> {
            List<CascadeLeg> all = new ArrayList<>();
            Optional.ofNullable(pulls.get(stream)).ifPresent(all::add);
            all.addAll(pushes.getOrDefault(stream, List.of()));
            return all;
        });
        return legs.stream().map(CascadeLeg::view).toList();
    }

    int pullCount() {
        return onOwner(pulls::size);
    }

    int pushCount() {
        return onOwner(() -> pushes.values().stream().mapToInt(List::size).sum());
    }

    @PreDestroy
    void close() {
        List<CascadeLeg> all = onOwner(() -> {
            List<CascadeLeg> legs = new ArrayList<>(pulls.values());
            pushes.values().forEach(legs::addAll);
            pulls.clear();
            pushes.clear();
            pushedCopies.clear();
            return legs;
        });
        owner.shutdownNow();
        all.forEach(l -> l.bridge().close());
        closer.shutdown();
    }

    private void tick() {
        Instant now = clock.instant();
        for (CascadeLeg leg : List.copyOf(pulls.values())) {
            guarded(leg, () -> checkPull(leg, now));
        }
        for (List<CascadeLeg> legs : List.copyOf(pushes.values())) {
            for (CascadeLeg leg : List.copyOf(legs)) {
                guarded(leg, () -> checkPush(leg, now));
            }
        }
        for (Map.Entry<String, PushedCopy> e : List.copyOf(pushedCopies.entrySet())) {
            try {
                checkPushedCopy(e.getKey(), e.getValue(), now);
            } catch (RuntimeException ex) {
                pushedCopies.remove(e.getKey(), e.getValue());
                LOG.atWarn().addKeyValue("stream", e.getKey()).log("pushed copy check failed: " + ex);
            }
        }
    }

    private void checkPushedCopy(String stream, PushedCopy copy, Instant now) {
        Optional<StreamSnapshot> local = engine.stream(stream);
        boolean stillThatCopy = local.isPresent() && local.get().copy() && local.get().publisher() != null
                && local.get().publisher().sessionId().equals(copy.sessionId());
        if (!stillThatCopy) {
            pushedCopies.remove(stream, copy);
            return;
        }
        Optional<String> end = CascadeWatchdog.pushedCopy(copy.watch(), local.get().inUse(), now);
        if (end.isPresent()) {
            pushedCopies.remove(stream, copy);
            LOG.atInfo().addKeyValue("stream", stream).addKeyValue("from", local.get().cascadeFrom())
                    .log("pushed cascade copy ended: " + end.get());
            closer.execute(() -> engine.endSession(stream, copy.sessionId()));
        }
    }

    private void checkPull(CascadeLeg leg, Instant now) {
        Optional<StreamSnapshot> copy = engine.stream(leg.stream()).filter(StreamSnapshot::copy);
        CascadeWatchdog.PullReading reading = new CascadeWatchdog.PullReading(copy.isPresent(), leg.bridge().error(),
                copy.map(StreamSnapshot::inUse).orElse(false), leg.bridge().snapshot().lastPacketAgeMs());
        CopyWatch.Verdict verdict = CascadeWatchdog.pull(leg.watch(), reading, now);
        if (verdict.state() != leg.state() && verdict.state() != LegState.CLOSED) {
            if (verdict.state() == LegState.LOST) {
                LOG.atWarn().addKeyValue("stream", leg.stream()).addKeyValue("source", leg.url())
                        .log("cascade source lost; waiting " + CopyWatch.REATTACH_GRACE.toSeconds() + " s for a re-attach");
            }
            leg.state(verdict.state());
        }
        verdict.end().ifPresent(reason -> end(leg, reason));
    }

    private void checkPush(CascadeLeg leg, Instant now) {
        CascadeWatchdog.PushReading reading = new CascadeWatchdog.PushReading(engine.stream(leg.stream()).isPresent(),
                leg.bridge().error(), leg.bridge().snapshot().lastPacketAgeMs(), leg.pollTargetFeedback(clock));
        CascadeWatchdog.push(reading, now).ifPresent(reason -> end(leg, reason));
    }

    /** Owner thread: forgets the leg now and closes its bridge on the closer pool (may wait for remote DELETEs). */
    private void end(CascadeLeg leg, String reason) {
        boolean removed;
        if (leg.pull()) {
            removed = pulls.remove(leg.stream(), leg);
        } else {
            List<CascadeLeg> legs = pushes.getOrDefault(leg.stream(), List.of());
            removed = legs.remove(leg);
            if (legs.isEmpty()) {
                pushes.remove(leg.stream());
            }
        }
        if (removed) {
            leg.state(LegState.CLOSED);
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

    /** Runs {@code task} on the owner thread and waits for it (bookkeeping only: it never blocks). */
    private <T> T onOwner(Callable<T> task) {
        try {
            return owner.submit(task).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading cascade state", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private Object setupStripe(String stream) {
        return setupStripes[Math.floorMod(stream.hashCode(), SETUP_STRIPES)];
    }

    private RemoteSdpExchange source(CascadeOrder order) {
        return remote(order);
    }

    private RemoteSdpExchange remote(CascadeOrder order) {
        return new RemoteSdpExchange(order.url(), Optional.ofNullable(order.token()), options.timeout());
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
