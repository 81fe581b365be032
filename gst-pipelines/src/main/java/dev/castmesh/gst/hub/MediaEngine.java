package dev.castmesh.gst.hub;

import dev.castmesh.gst.errors.BadSdpException;
import dev.castmesh.gst.errors.MediaException;
import dev.castmesh.gst.errors.NegotiationTimeoutException;
import dev.castmesh.gst.errors.EngineFullException;
import dev.castmesh.gst.errors.StreamAlreadyPublishedException;
import dev.castmesh.gst.errors.StreamNotFoundException;
import dev.castmesh.gst.record.RecordingHandle;
import dev.castmesh.gst.record.RecordingListener;
import dev.castmesh.gst.record.RecordingOptions;
import dev.castmesh.gst.runtime.GstRuntime;
import dev.castmesh.gst.sdp.AnswerPatcher;
import dev.castmesh.gst.sdp.CodecPolicy;
import dev.castmesh.gst.sdp.Direction;
import dev.castmesh.gst.sdp.Leg;
import dev.castmesh.gst.sdp.OfferRewriter;
import dev.castmesh.gst.sdp.PublisherTrack;
import dev.castmesh.gst.sdp.SdpFragment;
import dev.castmesh.gst.sdp.SdpParser;
import dev.castmesh.gst.sdp.SessionDescription;
import dev.castmesh.gst.sdp.ViewerTrack;
import dev.castmesh.gst.webrtc.IceServers;
import dev.castmesh.gst.webrtc.NegotiationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The media engine of a media agent: one GStreamer pipeline per stream, a WHIP publisher feeding tees,
 * WHEP viewers fed through leaky queues. All methods are thread-safe and may block the calling thread
 * up to the negotiation timeout; none may be called from a GStreamer callback.
 */
public final class MediaEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MediaEngine.class);
    private static final Duration TICK = Duration.ofMillis(250);
    private static final Duration END_WAIT = Duration.ofSeconds(10);
    private static final int MAX_STREAM_NAME = 256;

    private final EngineContext ctx;
    private final ExecutorService pool;
    private final Map<String, Stream> streams = new ConcurrentHashMap<>();
    private final Object registryLock = new Object();
    private final AtomicInteger serials = new AtomicInteger();
    private volatile boolean closed;

    private MediaEngine(EngineContext ctx, ExecutorService pool) {
        this.ctx = ctx;
        this.pool = pool;
    }

    /** Initialises GStreamer (once per process), checks the required plugins and starts the engine's timer. */
    public static MediaEngine start(EngineOptions options) {
        GstRuntime.requireElements("webrtcbin", "nicesrc", "nicesink", "dtlssrtpenc", "dtlssrtpdec", "tee", "queue",
                "rtpvp8depay", "rtpvp8pay", "rtph264depay", "rtph264pay", "rtpopusdepay", "rtpopuspay");
        IceServers ice = IceServers.fromUrls(options.stunTurnUrls());
        ExecutorService pool = Executors.newCachedThreadPool(daemonThreads("castmesh-media-worker"));
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(daemonThreads("castmesh-media-timer"));
        MediaEngine engine = new MediaEngine(new EngineContext(options, ice, pool, scheduler, Clock.systemUTC()), pool);
        scheduler.scheduleAtFixedRate(engine::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("media engine started ({} STUN, {} TURN server(s))", ice.stunServer().isPresent() ? 1 : 0,
                ice.turnServers().size());
        return engine;
    }

    /** WHIP: accepts a publisher's offer and returns the answer after ICE gathering completed. */
    public SessionAnswer publish(String stream, String offerSdp) {
        return publish(stream, offerSdp, null);
    }

    /**
     * Like {@link #publish(String, String)}, for a cascade copy: the publisher is another agent's media relayed here,
     * and the stream's snapshot says so ({@link StreamSnapshot#cascadeFrom()}).
     *
     * @param cascadeFrom where the copy comes from (a node alias or a host:port), or null for a real publisher
     */
    public SessionAnswer publish(String stream, String offerSdp, String cascadeFrom) {
        requireOpen();
        requireName(stream);
        SessionDescription offer = SdpParser.parse(offerSdp, ctx.options().sdpLimits());
        List<PublisherTrack> tracks = CodecPolicy.planPublisher(offer);
        String narrowed = OfferRewriter.rewrite(offer, tracks.stream()
                .collect(Collectors.toMap(PublisherTrack::mline, t -> t.format().payloadType())), Direction.SENDONLY,
                Leg.PUBLISHER);
        String id = SessionIds.next();
        Stream s;
        synchronized (registryLock) {
            if (streams.containsKey(stream)) {
                throw new StreamAlreadyPublishedException("stream '" + stream + "' already has a publisher");
            }
            if (streams.size() >= ctx.options().maxStreams()) {
                throw new EngineFullException("this media node carries " + streams.size() + " streams, its limit ("
                        + "[strategy] max_streams); publish elsewhere");
            }
            s = new Stream(stream, serials.incrementAndGet(), tracks, ctx, cascadeFrom);
            streams.put(stream, s);
        }
        s.endedFuture().whenComplete((v, e) -> streams.remove(stream, s));
        try {
            return new SessionAnswer(id, AnswerPatcher.restoreH264ProfileLevelId(
                    await(s.startPublisher(id, offer, narrowed)), offer));
        } catch (RuntimeException e) {
            streams.remove(stream, s);
            s.endAsync("publish failed");
            throw e;
        }
    }

    /** A cascade copy now comes from {@code cascadeFrom} (after a re-attach); ignored for a stream with a real publisher. */
    public void relabelCopy(String stream, String cascadeFrom) {
        Optional.ofNullable(streams.get(stream)).ifPresent(s -> s.relabelCopy(cascadeFrom));
    }

    /** WHEP: accepts a viewer's offer for a published stream and returns the answer. */
    public SessionAnswer subscribe(String stream, String offerSdp) {
        return subscribe(stream, offerSdp, SessionRole.VIEWER);
    }

    /** Accepts an offer to receive a published stream in {@code role} (shown in its snapshot) and answers it. */
    public SessionAnswer subscribe(String stream, String offerSdp, SessionRole role) {
        requireOpen();
        Stream s = existing(stream);
        SessionDescription offer = SdpParser.parse(offerSdp, ctx.options().sdpLimits());
        List<ViewerTrack> tracks = CodecPolicy.planViewer(stream, s.tracks(), offer);
        String narrowed = OfferRewriter.rewrite(offer, tracks.stream()
                .collect(Collectors.toMap(ViewerTrack::mline, t -> t.viewerFormat().payloadType())), Direction.RECVONLY,
                Leg.VIEWER);
        String id = SessionIds.next();
        try {
            return new SessionAnswer(id, AnswerPatcher.restoreH264ProfileLevelId(
                    await(s.addViewer(id, role, offer, tracks, narrowed)), offer));
        } catch (RuntimeException e) {
            s.endSession(id, "negotiation failed");
            throw e;
        }
    }

    /** Applies an {@code application/trickle-ice-sdpfrag} body (RFC 8840) to a session. */
    public void addRemoteCandidates(String stream, String sessionId, String sdpFragment) {
        requireOpen();
        SdpFragment fragment = SdpFragment.parse(sdpFragment, ctx.options().sdpLimits());
        await(existing(stream).addCandidates(sessionId, fragment));
    }

    /**
     * Mutes ({@code enabled} false) or unmutes a viewer's tracks of one kind: what the publisher sends of that kind
     * stops reaching that viewer, nothing else changes. False when the viewer has no track of that kind.
     *
     * @throws dev.castmesh.gst.errors.StreamNotFoundException  no such stream
     * @throws dev.castmesh.gst.errors.SessionNotFoundException no such viewer on it
     */
    public boolean enableTrack(String stream, String sessionId, dev.castmesh.gst.sdp.MediaKind kind, boolean enabled) {
        requireOpen();
        return await(existing(stream).enableTrack(sessionId, kind, enabled));
    }

    /** Ends a session and frees its elements; ending the publisher ends the stream. Idempotent. */
    public void endSession(String stream, String sessionId) {
        Stream s = streams.get(stream);
        if (s != null) {
            await(s.endSession(sessionId, "ended by request"));
        }
    }

    /** Ends a stream: every viewer, the publisher and the pipeline. Returns when the pipeline is gone. */
    public void endStream(String stream) {
        Stream s = existing(stream);
        streams.remove(stream, s);
        await(s.endAsync("ended by request"), END_WAIT);
    }

    /**
     * Starts recording a published stream as MPEG-DASH (see {@code dev.castmesh.gst.record.Recorder}).
     * The recording ends with {@link RecordingHandle#stop()} or when the stream ends.
     *
     * @throws dev.castmesh.gst.record.RecordingUnsupportedException for VP8 publishes
     * @throws dev.castmesh.gst.record.RecordingActiveException if the stream is already being recorded
     */
    public RecordingHandle startRecording(String stream, RecordingOptions options, RecordingListener listener) {
        requireOpen();
        return await(existing(stream).startRecording(options, listener));
    }

    /** The stream's current or last recording, if any. */
    public Optional<RecordingHandle> recording(String stream) {
        return Optional.ofNullable(streams.get(stream)).flatMap(Stream::recording);
    }

    public List<StreamSnapshot> streams() {
        return streams.values().stream().map(Stream::snapshot).flatMap(Optional::stream)
                .sorted(Comparator.comparing(StreamSnapshot::stream)).toList();
    }

    public Optional<StreamSnapshot> stream(String stream) {
        return Optional.ofNullable(streams.get(stream)).flatMap(Stream::snapshot);
    }

    /** Ends every stream and stops the engine's threads. GStreamer itself stays initialised. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        ctx.scheduler().shutdownNow();
        List<CompletableFuture<Void>> ending = streams.values().stream().map(s -> s.endAsync("engine closed")).toList();
        streams.clear();
        try {
            CompletableFuture.allOf(ending.toArray(new CompletableFuture[0])).get(END_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("streams did not end cleanly within {} s", END_WAIT.toSeconds());
        }
        pool.shutdown();
    }

    /** Tests only: the pipeline of a live stream. */
    Optional<org.freedesktop.gstreamer.Bin> pipelineOf(String stream) {
        return Optional.ofNullable(streams.get(stream)).map(Stream::bin);
    }

    private void tick() {
        for (Stream s : streams.values()) {
            s.tick();
        }
    }

    private Stream existing(String stream) {
        Stream s = streams.get(stream);
        if (s == null) {
            throw new StreamNotFoundException("stream '" + stream + "' has no publisher");
        }
        return s;
    }

    private <T> T await(CompletableFuture<T> future) {
        return await(future, ctx.options().negotiationTimeout());
    }

    private <T> T await(CompletableFuture<T> future, Duration timeout) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(false);
            throw new NegotiationTimeoutException("negotiation did not finish within " + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the media engine", e);
        } catch (ExecutionException e) {
            throw translate(e.getCause());
        }
    }

    private static RuntimeException translate(Throwable cause) {
        if (cause instanceof MediaException m) {
            return m;
        }
        if (cause instanceof NegotiationException n) {
            LOG.debug("negotiation failed at {}: {}", n.step(), n.getMessage());
            return switch (n.step()) {
                case SET_REMOTE -> new BadSdpException("the offer could not be applied; send a complete WebRTC offer"
                        + " (BUNDLE, rtcp-mux, DTLS-SRTP)");
                case GATHER -> new NegotiationTimeoutException("ICE gathering did not complete in time");
                default -> new IllegalStateException("negotiation failed");
            };
        }
        LOG.warn("media engine failure", cause);
        return new IllegalStateException("media engine failure");
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the media engine is closed");
        }
    }

    private static void requireName(String stream) {
        if (stream == null || stream.isBlank() || stream.length() > MAX_STREAM_NAME) {
            throw new IllegalArgumentException("stream name must be 1.." + MAX_STREAM_NAME + " characters");
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
