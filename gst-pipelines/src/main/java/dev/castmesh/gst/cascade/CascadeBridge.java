package dev.castmesh.gst.cascade;

import dev.castmesh.gst.client.SdpExchange;
import dev.castmesh.gst.runtime.Bounded;
import dev.castmesh.gst.runtime.Elements;
import dev.castmesh.gst.runtime.GstRuntime;
import dev.castmesh.gst.runtime.OwnedPipeline;
import dev.castmesh.gst.runtime.SerialExecutor;
import dev.castmesh.gst.sdp.Codec;
import dev.castmesh.gst.sdp.MediaKind;
import dev.castmesh.gst.sdp.RtpCaps;
import dev.castmesh.gst.sdp.RtpFormat;
import dev.castmesh.gst.sdp.SdpParser;
import dev.castmesh.gst.webrtc.IceServers;
import dev.castmesh.gst.webrtc.LossRepair;
import dev.castmesh.gst.webrtc.WebRtcEndpoint;
import dev.castmesh.gst.webrtc.WebRtcStats;
import org.freedesktop.gstreamer.Buffer;
import org.freedesktop.gstreamer.Caps;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.Pad;
import org.freedesktop.gstreamer.PadProbeReturn;
import org.freedesktop.gstreamer.PadProbeType;
import org.freedesktop.gstreamer.event.EOSEvent;
import org.freedesktop.gstreamer.webrtc.WebRTCPeerConnectionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Relays one stream between two WebRTC peers without decoding: a receive-only webrtcbin (a WHEP offerer towards
 * the source) → depayloader → payloader → a send-only webrtcbin (a WHIP offerer towards the target). Both sides are
 * {@link SdpExchange}s: HTTP for a remote agent, a direct call into a local {@code MediaEngine} for the local side.
 *
 * <p>{@link #reattach} swaps the source while the outgoing session stays: the new source's media replaces the old
 * one's at its first key frame, and the outgoing RTP stream keeps its SSRC, sequence numbers and timestamps, so the
 * target's viewers keep decoding. Key-frame requests from the target (PLI/FIR) are forwarded to the current source.
 *
 * <p>Thread-safety: {@link #open}, {@link #reattach} and {@link #close} block the caller (up to the timeouts of
 * {@link BridgeOptions}) and must not be called from a GStreamer callback; the readers are cheap and non-blocking.
 */
public final class CascadeBridge implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CascadeBridge.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(2);

    private final String name;
    private final BridgeOptions options;
    private final IceServers ice;
    private final SerialExecutor exec;
    private final OwnedPipeline pipeline;
    private final WebRtcEndpoint downstream;
    private final SdpExchange target;
    private final Map<MediaKind, Outlet> outlets = new EnumMap<>(MediaKind.class);
    private final List<UpstreamLeg> legs = new CopyOnWriteArrayList<>();
    private final AtomicInteger attachments = new AtomicInteger();
    private final AtomicLong keyframeRequests = new AtomicLong();
    private final AtomicLong lastPacketNanos = new AtomicLong();
    private final ByteRate rate = new ByteRate();
    private final Object reattachLock = new Object();
    private final BridgeWaits waits;
    private volatile UpstreamLeg current;
    private volatile String state = "CONNECTING";
    private volatile String error;
    private boolean closed;

    private CascadeBridge(String name, SdpExchange target, BridgeOptions options) {
        this.name = name;
        this.target = target;
        this.options = options;
        this.ice = IceServers.fromUrls(options.iceServers());
        this.exec = new SerialExecutor("cascade " + name, CascadeRuntime.pool());
        this.pipeline = OwnedPipeline.create("cascade-" + name, (source, message) -> onError(message), null);
        this.downstream = WebRtcEndpoint.create("out", ice, LossRepair.DEFAULT, exec, CascadeRuntime.scheduler());
        this.waits = new BridgeWaits(name, options.timeout());
    }

    /**
     * Connects to the source, waits for its first key frame, then publishes to the target and waits until that
     * session is connected: when this returns, the target has media.
     *
     * @param name   for logs and element names (e.g. the stream name)
     * @param source the WHEP side (where media comes from)
     * @param target the WHIP side (where media goes)
     * @throws CascadeException if either side refuses or a step times out; nothing is left behind
     */
    public static CascadeBridge open(String name, SdpExchange source, SdpExchange target, BridgeOptions options) {
        GstRuntime.requireElements("webrtcbin", "funnel", "queue", "rtpvp8depay", "rtpvp8pay", "rtph264depay",
                "rtph264pay", "rtpopusdepay", "rtpopuspay");
        CascadeBridge bridge = new CascadeBridge(name, target, options);
        try {
            bridge.start(source);
            return bridge;
        } catch (RuntimeException e) {
            bridge.close();
            throw e;
        }
    }

    /**
     * Replaces the source: connects to {@code source}, waits for its first key frame, switches the relayed media to
     * it and ends the previous source's session. The outgoing session is untouched. On failure the previous source
     * stays attached.
     *
     * @throws CascadeException if the new source refuses, times out or sends other codecs
     */
    public void reattach(SdpExchange source) {
        synchronized (reattachLock) {
            requireOpen();
            UpstreamLeg leg = attach(source);
            Map<MediaKind, Codec> carried = carriedCodecs();
            if (!carried.equals(leg.codecs())) {
                dropLeg(leg);
                throw new CascadeException(CascadeException.Reason.CODEC_MISMATCH, "the new source sends "
                        + MediaPads.labels(leg.codecs()) + " but the copy carries " + MediaPads.labels(carried));
            }
            try {
                await(leg.activated(), "the new source's first key frame");
            } catch (CascadeException e) {
                dropLeg(leg);
                throw e;
            }
            LOG.info("cascade {}: re-attached to a new source", name);
        }
    }

    /** Monotonic {@link System#nanoTime()} of the last media from a source; 0 before the first. */
    public long lastPacketNanos() {
        return lastPacketNanos.get();
    }

    /** CONNECTING, LIVE, FAILED or CLOSED. */
    public String state() {
        return state;
    }

    /** The first pipeline error, if any (the bridge is then FAILED and should be closed). */
    public Optional<String> error() {
        return Optional.ofNullable(error);
    }

    public BridgeSnapshot snapshot() {
        long now = System.nanoTime();
        long last = lastPacketNanos.get();
        return new BridgeSnapshot(state, MediaPads.labelList(carriedCodecs()), rate.total(), rate.bitrateBps(now),
                last == 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(now - last), attachments.get(),
                keyframeRequests.get());
    }

    /**
     * Reads the outgoing session's counters ({@code get-stats}, on a pool thread: it takes webrtcbin's lock). Its
     * {@link WebRtcStats#rtcpReportsReceived()} stops growing when the target stops sending receiver reports.
     */
    public CompletableFuture<WebRtcStats> targetStats() {
        return CompletableFuture.supplyAsync(downstream::stats, CascadeRuntime.pool()).thenCompose(f -> f);
    }

    /** Ends both sessions (DELETE at the remote sides) and frees the pipeline. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        state = "CLOSED";
        for (UpstreamLeg leg : legs) {
            leg.retire();
            leg.endpoint().close();
            Elements.guard("end source session", leg.exchange()::terminate);
        }
        legs.clear();
        downstream.close();
        Elements.guard("end target session", target::terminate);
        Bounded.run(CascadeRuntime.pool(), Duration.ofSeconds(6), "stopping cascade " + name, pipeline::close);
    }

    private void start(SdpExchange source) {
        pipeline.pipeline().add(downstream.element());
        pipeline.play();
        UpstreamLeg leg = attach(source);
        if (leg.codecs().isEmpty()) {
            throw new CascadeException(CascadeException.Reason.FAILED, "the source answered without any media");
        }
        await(leg.activated(), "the source's first key frame");
        awaitOutlets(leg.codecs().keySet());
        String offer = await(downstream.offer(options.timeout()), "the outgoing offer");
        String answer = RemoteSide.exchange(target, offer, "target", options.timeout());
        await(downstream.applyAnswer(answer), "the target's answer");
        awaitConnected();
        state = "LIVE";
        LOG.info("cascade {}: live ({})", name, MediaPads.labels(carriedCodecs()));
    }

    /** Adds a source leg to the playing pipeline and negotiates it; returns once its answer is applied. */
    private UpstreamLeg attach(SdpExchange source) {
        int n = attachments.incrementAndGet();
        WebRtcEndpoint endpoint = WebRtcEndpoint.create("in-" + n, ice, LossRepair.DEFAULT, exec, CascadeRuntime.scheduler());
        UpstreamLeg leg = new UpstreamLeg("in-" + n, endpoint, source);
        Element.PAD_ADDED onPad = (element, pad) -> onSourcePad(leg, pad);
        leg.keep(onPad);
        endpoint.element().connect(onPad);
        Elements.addLive(pipeline.pipeline(), endpoint.element());
        legs.add(leg);
        try {
            for (Map.Entry<MediaKind, List<RtpFormat>> e : Outlet.sourceFormats().entrySet()) {
                endpoint.addReceiveTransceiver(Caps.fromString(e.getValue().stream()
                        .map(f -> RtpCaps.of(e.getKey(), f)).collect(Collectors.joining("; "))));
            }
            String offer = await(endpoint.offer(options.timeout()), "the offer to the source");
            String answer = RemoteSide.exchange(source, offer, "source", options.timeout());
            leg.answered(MediaPads.sentCodecs(SdpParser.parse(answer)));
            await(endpoint.applyAnswer(answer), "the source's answer");
            return leg;
        } catch (RuntimeException e) {
            dropLeg(leg);
            throw e;
        }
    }

    /** Streaming thread: depayloader for the new pad, linked to the outlet of its kind (built on first use). */
    private void onSourcePad(UpstreamLeg leg, Pad pad) {
        Optional<MediaKind> kind = MediaPads.rtpField(pad, "media").flatMap(MediaKind::fromToken);
        Optional<Codec> codec = MediaPads.rtpField(pad, "encoding-name").flatMap(MediaPads::codecNamed);
        if (kind.isEmpty() || codec.isEmpty() || leg.retired()) {
            discard(leg, pad);
            return;
        }
        Outlet outlet;
        synchronized (outlets) {
            outlet = outlets.get(kind.get());
            if (outlet == null) {
                outlet = Outlet.build(pipeline.pipeline(), downstream, kind.get(), codec.get(),
                        kind.get().token(), this::onKeyframeRequest);
                outlets.put(kind.get(), outlet);
            }
        }
        if (outlet.codec() != codec.get()) {
            discard(leg, pad);
            return;
        }
        Element depay = Elements.make(codec.get().depayloader(), leg.name() + "-" + kind.get().token() + "-depay");
        Elements.addLive(pipeline.pipeline(), depay);
        Pad input = outlet.requestInput();
        Pad depaySrc = depay.getStaticPad("src");
        Elements.link(depaySrc, input);
        MediaKind k = kind.get();
        Pad.PROBE gate = (p, info) -> {
            if (info.getType().contains(PadProbeType.BUFFER)) {
                return onSourceBuffer(leg, k, info.getBuffer()) ? PadProbeReturn.OK : PadProbeReturn.DROP;
            }
            // a source that ends must not end the outlet: the next source continues it
            return info.getEvent() instanceof EOSEvent ? PadProbeReturn.DROP : PadProbeReturn.OK;
        };
        depaySrc.addProbe(EnumSet.of(PadProbeType.BUFFER, PadProbeType.EVENT_DOWNSTREAM), gate);
        leg.keep(gate);
        leg.keep(depaySrc);
        leg.linked(new UpstreamLeg.Link(k, depay, input, outlet));
        Elements.link(pad, depay.getStaticPad("sink"));
    }

    private boolean onSourceBuffer(UpstreamLeg leg, MediaKind kind, Buffer buffer) {
        boolean wasActive = leg.active();
        boolean pass = leg.pass(kind, buffer);
        if (leg.retired()) {
            return false;
        }
        lastPacketNanos.set(System.nanoTime());
        if (pass) {
            rate.add(MediaPads.size(buffer));
        }
        if (pass && !wasActive) {
            UpstreamLeg previous = current;
            current = leg;
            if (previous != null && previous != leg) {
                previous.retire();
                exec.execute(() -> dropLeg(previous));
            }
        }
        return pass;
    }

    /** Streaming thread (the outgoing side asked for a key frame): forwarded to the live sources on the executor. */
    private void onKeyframeRequest() {
        keyframeRequests.incrementAndGet();
        exec.execute(() -> {
            for (UpstreamLeg leg : legs) {
                if (!leg.retired()) {
                    Elements.guard("request key frame", leg::requestKeyframe);
                }
            }
        });
    }

    /** Removes a leg from the pipeline (bounded) and ends its session at the source (on a pool thread). */
    private void dropLeg(UpstreamLeg leg) {
        legs.remove(leg);
        leg.retire();
        Bounded.run(CascadeRuntime.pool(), STOP_WAIT, "removing cascade source of " + name,
                () -> leg.remove(pipeline.pipeline()));
        CascadeRuntime.pool().execute(() -> Elements.guard("end source session", leg.exchange()::terminate));
    }

    private void discard(UpstreamLeg leg, Pad pad) {
        Element sink = Elements.make("fakesink", null);
        sink.set("sync", false);
        sink.set("async", false);
        leg.keep(sink);
        Elements.addLive(pipeline.pipeline(), sink);
        Elements.link(pad, sink.getStaticPad("sink"));
    }

    private void awaitOutlets(Set<MediaKind> kinds) {
        waits.until(() -> {
            synchronized (outlets) {
                return outlets.keySet().containsAll(kinds)
                        && outlets.values().stream().allMatch(o -> o.sendPad().hasCurrentCaps());
            }
        }, () -> { }, "the source sent no " + kinds.stream().map(MediaKind::token).collect(Collectors.joining(" and ")));
    }

    private void awaitConnected() {
        waits.until(() -> downstream.connectionState() == WebRTCPeerConnectionState.CONNECTED, () -> {
            if (downstream.connectionState() == WebRTCPeerConnectionState.FAILED || error != null) {
                throw new CascadeException(CascadeException.Reason.FAILED, "the connection to the target failed");
            }
        }, "the connection to the target did not come up");
    }

    private <T> T await(CompletableFuture<T> future, String what) {
        return waits.await(future, what);
    }

    private void onError(String message) {
        if (error == null) {
            error = message;
            LOG.warn("cascade {}: pipeline error: {}", name, message);
        }
        if (!"CLOSED".equals(state)) {
            state = "FAILED";
        }
    }

    private void requireOpen() {
        synchronized (this) {
            if (closed) {
                throw new CascadeException(CascadeException.Reason.FAILED, "the bridge is closed");
            }
        }
    }

    private Map<MediaKind, Codec> carriedCodecs() {
        Map<MediaKind, Codec> carried = new EnumMap<>(MediaKind.class);
        synchronized (outlets) {
            outlets.forEach((k, o) -> carried.put(k, o.codec()));
        }
        return carried;
    }
}
