package dev.castmesh.gst.hub;

import dev.castmesh.gst.errors.BadSdpException;
import dev.castmesh.gst.errors.SessionNotFoundException;
import dev.castmesh.gst.errors.StreamNotFoundException;
import dev.castmesh.gst.record.Recorder;
import dev.castmesh.gst.record.RecordingActiveException;
import dev.castmesh.gst.record.RecordingHandle;
import dev.castmesh.gst.record.RecordingListener;
import dev.castmesh.gst.record.RecordingOptions;
import dev.castmesh.gst.record.RecordingTap;
import dev.castmesh.gst.runtime.Bounded;
import dev.castmesh.gst.runtime.SerialExecutor;
import dev.castmesh.gst.sdp.IceCandidate;
import dev.castmesh.gst.sdp.Leg;
import dev.castmesh.gst.sdp.MediaKind;
import dev.castmesh.gst.sdp.PublisherTrack;
import dev.castmesh.gst.sdp.RtpCaps;
import dev.castmesh.gst.sdp.SdpFragment;
import dev.castmesh.gst.sdp.SessionDescription;
import dev.castmesh.gst.sdp.SsrcDeclaration;
import dev.castmesh.gst.sdp.ViewerTrack;
import dev.castmesh.gst.webrtc.WebRtcEndpoint;
import org.freedesktop.gstreamer.Caps;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.Pad;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * One published stream: its graph, its publisher and its viewers. Every mutation runs on the stream's
 * serial executor; readers get the immutable snapshot published after each change and tick.
 */
final class Stream {
    private static final Logger LOG = LoggerFactory.getLogger(Stream.class);
    private static final Duration KEYFRAME_INTERVAL = Duration.ofMillis(500);
    /** webrtcbin peers send receiver reports every 2.5-7.5 s; browsers about every second. */
    private static final Duration MIN_RTCP_SILENCE = Duration.ofSeconds(12);
    private static final int STATS_EVERY_TICKS = 4;
    /** How long a viewer answer waits for a publisher SSRC nobody has declared yet. */
    private static final Duration SSRC_WAIT = Duration.ofSeconds(3);
    /** How long ending a stream waits for its pipeline to reach NULL. */
    private static final Duration PIPELINE_STOP_WAIT = Duration.ofSeconds(5);

    private final String name;
    private final List<PublisherTrack> tracks;
    private final EngineContext ctx;
    private final SerialExecutor exec;
    private final StreamGraph graph;
    private final Instant createdAt;
    /** Null for a real publisher; where a cascade copy comes from otherwise (changes when the copy is re-attached). */
    private volatile String cascadeFrom;
    private final KeyframeScheduler keyframes;
    private final Map<String, ViewerSession> viewers = new LinkedHashMap<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private PublisherSession publisher;
    private volatile Recorder recorder;
    private int nextViewer;
    /** Video packets the publisher leg could not repair (each asked for a key frame). */
    private long unrepairedVideoLosses;
    private long ticks;
    private volatile StreamSnapshot snapshot;

    Stream(String name, int serial, List<PublisherTrack> tracks, EngineContext ctx, String cascadeFrom) {
        this.name = name;
        this.cascadeFrom = cascadeFrom;
        this.tracks = List.copyOf(tracks);
        this.ctx = ctx;
        this.exec = new SerialExecutor("stream " + name, ctx.pool());
        this.createdAt = ctx.clock().instant();
        this.graph = new StreamGraph("stream-" + serial, (element, message) -> exec.execute(() -> onError(element, message)),
                () -> exec.execute(this::onUnrepairedVideoLoss));
        this.keyframes = new KeyframeScheduler(new KeyframeLimiter(KEYFRAME_INTERVAL), graph::requestKeyframe,
                task -> exec.execute(() -> {
                    if (!ended.isDone()) {
                        task.run();
                    }
                }), ctx.scheduler(), ctx.clock());
    }

    String name() {
        return name;
    }

    org.freedesktop.gstreamer.Bin bin() {
        return graph.bin();
    }

    List<PublisherTrack> tracks() {
        return tracks;
    }

    Optional<StreamSnapshot> snapshot() {
        return Optional.ofNullable(snapshot);
    }

    CompletableFuture<Void> endedFuture() {
        return ended;
    }

    /** Builds the publisher's webrtcbin and the raw tees, starts the pipeline, answers the offer. */
    CompletableFuture<String> startPublisher(String id, SessionDescription offer, String narrowedOffer) {
        return exec.submit(() -> {
            requireLive();
            WebRtcEndpoint endpoint = WebRtcEndpoint.create("publisher", ctx.ice(), ctx.options().repair(), exec,
                    ctx.scheduler());
            publisher = new PublisherSession(id, endpoint, offer, tracks, liveness(ctx.options().sessionIdleTimeout()));
            for (PublisherTrack t : tracks) {
                graph.addTrack(t, SsrcDeclaration.primarySsrc(offer, t.mline()));
                endpoint.addReceiveTransceiver(Caps.fromString(RtpCaps.forReceiving(t.kind(), t.format(),
                        offer.media().get(t.mline()).extensionsKeptBy(Leg.PUBLISHER))));
            }
            Instant offeredAt = ctx.clock().instant();
            publisher.onPadAdded((element, pad) -> graph.linkPublisherPad(pad).ifPresent(kind -> {
                long ms = Duration.between(offeredAt, ctx.clock().instant()).toMillis(); // its first packet is here
                exec.execute(() -> LOG.info("stream {}: publisher {} flowing {} ms after its offer", name, kind.token(), ms));
            }));
            graph.adopt(endpoint.element());
            graph.play();
            publishSnapshot();
            return endpoint.answer(narrowedOffer, ctx.options().negotiationTimeout());
        }).thenCompose(Function.identity()).thenApplyAsync(answer -> {
            requireLive();
            publisher.markAnswered(ctx.clock().instant());
            publishSnapshot();
            return answer;
        }, exec);
    }

    /** Builds a viewer's webrtcbin and one branch per track (direct or through a shared re-payloader). */
    CompletableFuture<String> addViewer(String id, SessionRole role, SessionDescription offer,
                                        List<ViewerTrack> viewerTracks, String narrowedOffer) {
        ViewerSsrcs ssrcs = new ViewerSsrcs();
        return exec.submit(() -> {
            requireLive();
            WebRtcEndpoint endpoint = WebRtcEndpoint.create("viewer-" + (++nextViewer), ctx.ice(),
                    ctx.options().repair(), exec, ctx.scheduler());
            Duration silence = max(ctx.options().sessionIdleTimeout(), MIN_RTCP_SILENCE);
            ViewerSession viewer = new ViewerSession(id, role, endpoint, offer, viewerTracks, liveness(silence));
            viewers.put(id, viewer);
            endpoint.onConnectionStateChange(() -> onViewerStateChanged(id));
            graph.adopt(endpoint.element());
            for (ViewerTrack t : viewerTracks) {
                Element source;
                if (t.direct()) {
                    source = graph.rawTee(t.kind());
                    ssrcs.add(t.mline(), graph.publisherSsrc(t.kind()));
                } else {
                    Repayloader r = graph.acquireRepayloader(t, "repay-" + t.kind().token() + "-"
                            + t.viewerFormat().payloadType());
                    viewer.usesRepayloader(r);
                    ssrcs.add(t.mline(), CompletableFuture.completedFuture(r.ssrc()));
                    source = r.output();
                }
                OptionalLong ssrc = ssrcs.now(t.mline());
                Pad sink = endpoint.requestSendPad(Caps.fromString(ssrc.isPresent()
                        ? RtpCaps.forSending(t.kind(), t.viewerFormat(), ssrc.getAsLong())
                        : RtpCaps.forSending(t.kind(), t.viewerFormat())));
                viewer.addBranch(ViewerBranch.link(graph, source, sink, viewer.elementName() + "-" + t.kind().token()));
            }
            publishSnapshot();
            return endpoint.answer(narrowedOffer, ctx.options().negotiationTimeout());
        }).thenCompose(Function.identity()).thenCompose(answer -> declareSsrcs(answer, ssrcs, id)).thenApplyAsync(answer -> {
            requireLive();
            ViewerSession viewer = viewers.get(id);
            if (viewer == null) {
                throw new SessionNotFoundException("the session ended during negotiation");
            }
            viewer.markAnswered(ctx.clock().instant());
            publishSnapshot();
            return answer;
        }, exec);
    }

    /** Relabels a cascade copy after its source changed (a no-op for a stream with a real publisher). */
    void relabelCopy(String from) {
        exec.execute(() -> {
            if (cascadeFrom != null && from != null) {
                cascadeFrom = from;
                publishSnapshot();
            }
        });
    }

    /** Attaches a recording branch to the raw tees, like a viewer branch; one recording at a time. */
    CompletableFuture<RecordingHandle> startRecording(RecordingOptions options, RecordingListener listener) {
        return exec.submit(() -> {
            requireLive();
            if (recorder != null && !recorder.finished().isDone()) {
                throw new RecordingActiveException("stream '" + name + "' is already being recorded");
            }
            recorder = Recorder.start(new RecordingTap(name, graph.bin(), graph::rawTee, tracks, exec, ctx.pool(),
                    ctx.scheduler(), () -> exec.execute(keyframes::want)), options, listener);
            return recorder;
        });
    }

    Optional<RecordingHandle> recording() {
        return Optional.ofNullable(recorder);
    }

    /**
     * Puts the SSRCs each section will carry into the answer (see {@link SsrcDeclaration}). On the direct path
     * an SSRC unknown so far (no {@code a=ssrc} in the publisher's offer, no packet yet) is waited for a
     * little; if it is still unknown the answer goes out without it, and a warning says so.
     */
    private CompletableFuture<String> declareSsrcs(String answer, ViewerSsrcs ssrcs, String viewerId) {
        return ssrcs.settled(SSRC_WAIT, mline -> LOG.warn("stream {}: answer for viewer {} has no a=ssrc for m-line {}"
                        + " (publisher SSRC unknown)", name, viewerId, mline))
                .thenApply(known -> SsrcDeclaration.declare(answer, known, name, "castmesh-" + viewerId));
    }

    /** Applies trickled candidates; completes once webrtcbin has them. */
    CompletableFuture<Void> addCandidates(String sessionId, SdpFragment fragment) {
        return exec.submit(() -> {
            requireLive();
            Session session = session(sessionId)
                    .orElseThrow(() -> new SessionNotFoundException("no session " + sessionId + " on stream '" + name + "'"));
            SessionDescription remote = session.remoteOffer();
            if (!fragment.iceUfrag().isEmpty() && !fragment.iceUfrag().equals(remote.iceUfrag())) {
                throw new BadSdpException("ICE restarts are not supported (the fragment's ice-ufrag differs)");
            }
            for (IceCandidate c : fragment.candidates()) {
                int mline = c.mid().isEmpty() ? c.fragmentIndex() : remote.indexOfMid(c.mid()).orElse(c.fragmentIndex());
                session.endpoint().addIceCandidate(mline, c.candidate());
            }
            return null;
        });
    }

    /** Mutes or unmutes a viewer's tracks of one kind; false when the viewer has no such track. */
    CompletableFuture<Boolean> enableTrack(String sessionId, MediaKind kind, boolean enabled) {
        return exec.submit(() -> {
            requireLive();
            ViewerSession viewer = viewers.get(sessionId);
            if (viewer == null) {
                throw new SessionNotFoundException("no viewer session " + sessionId + " on stream '" + name + "'");
            }
            boolean found = viewer.enable(kind, enabled);
            if (found && enabled && kind == MediaKind.VIDEO) {
                keyframes.want(); // the viewer decodes again from the next key frame
            }
            return found;
        });
    }

    /** Ends one session; ending the publisher ends the stream. Idempotent. */
    CompletableFuture<Void> endSession(String sessionId, String reason) {
        return exec.submit(() -> {
            if (publisher != null && publisher.id().equals(sessionId)) {
                end("publisher " + reason);
            } else {
                removeViewer(sessionId, reason);
            }
            return null;
        });
    }

    /** Ends the stream: every viewer, the publisher, the pipeline. Idempotent. */
    CompletableFuture<Void> endAsync(String reason) {
        exec.execute(() -> end(reason));
        return ended;
    }

    /** Timer: polls connection states, reads stats every few ticks, requests key frames, reaps. */
    void tick() {
        exec.execute(this::onTick);
    }

    private void onTick() {
        if (ended.isDone()) {
            return;
        }
        Instant now = ctx.clock().instant();
        boolean statsRound = ++ticks % STATS_EVERY_TICKS == 0;
        if (publisher != null) {
            publisher.pollState(now, ctx.pool());
            if (statsRound && publisher.state() == SessionState.CONNECTED) {
                readStats(publisher);
            }
        }
        for (ViewerSession v : viewers.values()) {
            if (v.pollState(now, ctx.pool()) && v.state() == SessionState.CONNECTED && hasVideo()) {
                keyframes.want();
            }
            // only connected sessions: one that never connects is reaped by its state, and its webrtcbin is
            // left alone while ICE/DTLS fail
            if (statsRound && v.state() == SessionState.CONNECTED) {
                readStats(v);
            }
        }
        keyframes.sendDue(now);
        reap(now);
        publishSnapshot();
    }

    /**
     * A video packet from the publisher was lost beyond repair: every viewer's picture now waits for a key frame
     * (a browser asks for one only after its own repair gave up, or ~3 s later), so ask the publisher at once.
     */
    private void onUnrepairedVideoLoss() {
        if (ended.isDone()) {
            return;
        }
        unrepairedVideoLosses++;
        LOG.debug("stream {}: video packet lost beyond repair ({} so far), key frame requested", name, unrepairedVideoLosses);
        keyframes.wantNow(ctx.clock().instant());
    }

    /** A viewer that has just connected gets its key frame now (or as soon as the limiter allows), not at a tick. */
    private void onViewerStateChanged(String id) {
        ViewerSession v = viewers.get(id);
        if (v == null || ended.isDone()) {
            return;
        }
        Instant now = ctx.clock().instant();
        if (v.pollState(now, ctx.pool()) && v.state() == SessionState.CONNECTED && hasVideo()) {
            keyframes.wantNow(now);
            publishSnapshot();
        }
    }

    private void reap(Instant now) {
        if (publisher != null) {
            Optional<String> reason = publisher.reapReason(now);
            if (reason.isPresent()) {
                end("publisher " + reason.get());
                return;
            }
        }
        List<String> dead = new ArrayList<>();
        viewers.forEach((id, v) -> v.reapReason(now).ifPresent(r -> dead.add(id)));
        for (String id : dead) {
            removeViewer(id, viewers.get(id).reapReason(now).orElse("reaped"));
        }
    }

    /** get-stats is emitted from a pool thread (it takes webrtcbin's PC lock); one read per session at a time. */
    private void readStats(Session session) {
        if (!session.startStatsRead()) {
            return;
        }
        CompletableFuture.supplyAsync(() -> session.endpoint().stats(), ctx.pool()).thenCompose(Function.identity())
                .whenCompleteAsync((stats, error) -> {
                    session.statsReadDone();
                    if (error == null && !ended.isDone()) {
                        session.applyStats(stats, ctx.clock().instant());
                    }
                }, exec);
    }

    private void removeViewer(String id, String reason) {
        ViewerSession v = viewers.remove(id);
        if (v == null) {
            return;
        }
        LOG.info("stream {}: viewer {} ended ({})", name, v.elementName(), reason);
        v.close(graph, ctx.pool());
        publishSnapshot();
    }

    private void end(String reason) {
        if (ended.isDone()) {
            return;
        }
        LOG.info("stream {}: ended ({}), {} viewer(s) dropped", name, reason, viewers.size());
        if (recorder != null) {
            recorder.endWithStream();
        }
        snapshot = null;
        for (ViewerSession v : viewers.values()) {
            v.flushBranches();
        }
        viewers.clear();
        if (publisher != null) {
            publisher.endpoint().close();
        }
        // the stream ends within the bound even if an element refuses to stop; it then finishes on its own
        Bounded.run(ctx.pool(), PIPELINE_STOP_WAIT, "stopping stream " + name, graph::close);
        ended.complete(null);
    }

    private void onError(String element, String message) {
        if (ended.isDone()) {
            return;
        }
        if (publisher != null && element.equals(publisher.elementName())) {
            LOG.warn("stream {}: publisher error: {}", name, message);
            end("publisher error");
            return;
        }
        for (ViewerSession v : viewers.values()) {
            if (element.equals(v.elementName()) || element.startsWith(v.elementName() + "-")) {
                LOG.warn("stream {}: viewer {} error: {}", name, v.elementName(), message);
                removeViewer(v.id(), "error");
                return;
            }
        }
        if (recorder != null && recorder.owns(element)) {
            recorder.onError(element, message);
            return;
        }
        LOG.error("stream {}: error in {}: {}", name, element.isEmpty() ? "pipeline" : element, message);
        end("pipeline error");
    }

    private Optional<Session> session(String id) {
        if (publisher != null && publisher.id().equals(id)) {
            return Optional.of(publisher);
        }
        return Optional.ofNullable(viewers.get(id));
    }

    private boolean hasVideo() {
        return tracks.stream().anyMatch(t -> t.kind() == MediaKind.VIDEO);
    }

    private SessionLiveness liveness(Duration silence) {
        return new SessionLiveness(ctx.clock().instant(), ctx.options().sessionIdleTimeout(), silence);
    }

    private void requireLive() {
        if (ended.isDone()) {
            throw new StreamNotFoundException("stream '" + name + "' has ended");
        }
    }

    private void publishSnapshot() {
        if (ended.isDone() || publisher == null) {
            return;
        }
        snapshot = new StreamSnapshot(name, publisher.snapshot(),
                viewers.values().stream().map(ViewerSession::snapshot).toList(), graph.repayloaderSnapshots(), createdAt, cascadeFrom);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
