package dev.castmesh.gst.hub;

import dev.castmesh.gst.runtime.Elements;
import dev.castmesh.gst.runtime.KeyframeRequests;
import dev.castmesh.gst.runtime.OwnedPipeline;
import dev.castmesh.gst.sdp.MediaKind;
import dev.castmesh.gst.sdp.PublisherTrack;
import dev.castmesh.gst.sdp.RtpCaps;
import dev.castmesh.gst.sdp.ViewerTrack;
import dev.castmesh.gst.webrtc.WebRtcEndpoint;
import org.freedesktop.gstreamer.Bin;
import org.freedesktop.gstreamer.Caps;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.GstObject;
import org.freedesktop.gstreamer.Pad;
import org.freedesktop.gstreamer.PadProbeReturn;
import org.freedesktop.gstreamer.Pipeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * The GStreamer graph of one stream: its pipeline, one raw tee per published media kind and the shared
 * re-payloaders. Mutated only on the stream's executor, except {@link #linkPublisherPad}, which runs on
 * webrtcbin's streaming thread and only reads the tees map (filled before the pipeline plays).
 */
final class StreamGraph implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamGraph.class);

    private final OwnedPipeline owned;
    private final Map<MediaKind, Element> rawTees = new EnumMap<>(MediaKind.class);
    /** Per kind, what the publisher's pad links to: resets the packets' caps in front of the raw tee. */
    private final Map<MediaKind, Element> inlets = new EnumMap<>(MediaKind.class);
    private final Map<MediaKind, String> inletCaps = new EnumMap<>(MediaKind.class);
    private final Map<Repayloader.Key, Repayloader> repayloaders = new LinkedHashMap<>();
    private final List<Element> adopted = new ArrayList<>();
    /** The SSRC the publisher declared in its offer, per kind (filled before the pipeline plays). */
    private final Map<MediaKind, Long> offeredSsrcs = new EnumMap<>(MediaKind.class);
    /** Completed with the SSRC of the publisher's RTP once its pad appears (streaming thread). */
    private final Map<MediaKind, CompletableFuture<Long>> flowingSsrcs = new ConcurrentHashMap<>();

    /** Called on a streaming thread for each video packet the publisher leg could not repair. */
    private final Runnable unrepairedVideoLoss;
    /** The video inlet's sink pad and the probe that watches it for lost packets (both kept referenced). */
    private Pad watchedInlet;
    private Pad.EVENT_PROBE lossProbe;

    /**
     * @param errors              receives (name of the pipeline child the error came from, message)
     * @param unrepairedVideoLoss called on a streaming thread for each video packet the publisher's jitter buffer
     *                            gave up on
     */
    StreamGraph(String pipelineName, BiConsumer<String, String> errors, Runnable unrepairedVideoLoss) {
        this.unrepairedVideoLoss = unrepairedVideoLoss;
        this.owned = OwnedPipeline.create(pipelineName, (source, message) -> errors.accept(topLevelName(source), message),
                null);
    }

    Bin bin() {
        return owned.pipeline();
    }

    void play() {
        owned.play();
    }

    /**
     * Adds the raw tee of a published track behind an inlet that gives its packets plain caps: the publisher's
     * header extension ids and congestion feedback (in webrtcbin's caps) were negotiated with the publisher only, and
     * a viewer's webrtcbin would otherwise answer them to a viewer that numbers its extensions differently.
     *
     * @param offeredSsrc the publisher's SSRC for this kind according to its offer, if it declared one
     */
    void addTrack(PublisherTrack track, OptionalLong offeredSsrc) {
        MediaKind kind = track.kind();
        Element inlet = Elements.make("capssetter", "inlet-" + kind.token());
        inletCaps.put(kind, RtpCaps.forSending(kind, track.format()));
        inlet.set("caps", Caps.fromString(inletCaps.get(kind)));
        inlet.set("replace", true);
        Element tee = Elements.tee("tee-" + kind.token());
        adopt(inlet);
        adopt(tee);
        Elements.link(inlet.getStaticPad("src"), tee.getStaticPad("sink"));
        inlets.put(kind, inlet);
        rawTees.put(kind, tee);
        if (kind == MediaKind.VIDEO) {
            watchUnrepairedLoss(inlet.getStaticPad("sink"));
        }
        offeredSsrc.ifPresent(ssrc -> offeredSsrcs.put(kind, ssrc));
        flowingSsrcs.put(kind, new CompletableFuture<>());
    }

    /**
     * The publisher's jitter buffer announces a packet it gave up on at the video inlet: the announcement asks for a
     * key frame and ends here (viewers repair their own legs, and a recorder's depayloader would turn it into a gap).
     */
    private void watchUnrepairedLoss(Pad inletSink) {
        lossProbe = (pad, event) -> {
            if (!WebRtcEndpoint.isPacketLost(event)) {
                return PadProbeReturn.OK;
            }
            unrepairedVideoLoss.run();
            return PadProbeReturn.DROP;
        };
        watchedInlet = inletSink;
        inletSink.addEventProbe(lossProbe);
    }

    /**
     * The SSRC of the publisher's packets of a kind, which the direct path forwards unchanged: the one seen
     * on the publisher's pad, else the one its offer declared, else a future completed when its pad appears.
     */
    CompletableFuture<Long> publisherSsrc(MediaKind kind) {
        CompletableFuture<Long> flowing = flowingSsrcs.get(kind);
        if (flowing == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("stream has no " + kind.token()));
        }
        if (!flowing.isDone() && offeredSsrcs.containsKey(kind)) {
            return CompletableFuture.completedFuture(offeredSsrcs.get(kind));
        }
        return flowing;
    }

    Element rawTee(MediaKind kind) {
        Element tee = rawTees.get(kind);
        if (tee == null) {
            throw new IllegalStateException("stream has no " + kind.token());
        }
        return tee;
    }

    /** Adds an element whose wrapper this graph disposes when the pipeline is closed. */
    void adopt(Element element) {
        Elements.addLive(bin(), element);
        synchronized (adopted) {
            adopted.add(element);
        }
    }

    /** Stops, removes and disposes an adopted element. */
    void remove(Element element) {
        synchronized (adopted) {
            adopted.remove(element);
        }
        Elements.removeQuietly(bin(), element);
    }

    /**
     * Streaming thread: links a new publisher pad to the raw tee of its kind, or to a discarding sink
     * when nothing forwards it (an unlinked pad would fail the publisher's whole webrtcbin). Linking
     * does not block.
     *
     * @return the kind linked to a tee, if any
     */
    Optional<MediaKind> linkPublisherPad(Pad pad) {
        Optional<MediaKind> kind = mediaOf(pad);
        Element inlet = kind.map(inlets::get).orElse(null);
        if (inlet == null || inlet.getStaticPad("sink").isLinked()) {
            discard(pad);
            return Optional.empty();
        }
        OptionalLong ssrc = ssrcOf(pad);
        // the SSRC stays in the caps: viewers' RTP sessions need it to serve key-frame requests
        ssrc.ifPresent(s -> inlet.set("caps", Caps.fromString(inletCaps.get(kind.get()) + ", ssrc=(uint)" + s)));
        Elements.link(pad, inlet.getStaticPad("sink"));
        ssrc.ifPresent(s -> flowingSsrcs.get(kind.get()).complete(s));
        return kind;
    }

    private static OptionalLong ssrcOf(Pad pad) {
        Caps caps = pad.getCurrentCaps();
        if (caps == null || caps.isEmpty() || !caps.getStructure(0).hasField("ssrc")) {
            return OptionalLong.empty();
        }
        Object value = caps.getStructure(0).getValue("ssrc");
        return value instanceof Number n ? OptionalLong.of(n.longValue() & 0xFFFFFFFFL) : OptionalLong.empty();
    }

    private static Optional<MediaKind> mediaOf(Pad pad) {
        Caps caps = pad.getCurrentCaps();
        if (caps == null || caps.isEmpty()) {
            caps = pad.queryCaps(null);
        }
        if (caps == null || caps.isEmpty() || !caps.getStructure(0).hasField("media")) {
            return Optional.empty();
        }
        return MediaKind.fromToken(caps.getStructure(0).getString("media"));
    }

    private void discard(Pad pad) {
        Element sink = Elements.make("fakesink", null);
        sink.set("sync", false);
        sink.set("async", false);
        synchronized (adopted) {
            adopted.add(sink);
        }
        Elements.addLive(bin(), sink);
        Elements.link(pad, sink.getStaticPad("sink"));
        LOG.debug("publisher pad {} discarded", pad.getName());
    }

    /** Asks the publisher for a video key frame (PLI/FIR from its rtpsession). */
    boolean requestKeyframe() {
        Element inlet = inlets.get(MediaKind.VIDEO);
        return inlet != null && inlet.getStaticPad("sink").isLinked()
                && KeyframeRequests.requestUpstream(inlet.getStaticPad("sink"));
    }

    Repayloader acquireRepayloader(ViewerTrack track, String name) {
        Repayloader.Key key = new Repayloader.Key(track.kind(), track.codec(), track.viewerFormat().payloadType());
        Repayloader r = repayloaders.computeIfAbsent(key, k -> Repayloader.build(this, rawTee(k.kind()), k, name));
        r.acquire();
        return r;
    }

    void releaseRepayloader(Repayloader r) {
        if (r.release() && repayloaders.remove(r.key(), r)) {
            r.close(this);
        }
    }

    List<RepayloaderSnapshot> repayloaderSnapshots() {
        return repayloaders.values().stream().map(r -> new RepayloaderSnapshot(r.key().kind().token(),
                r.key().codec().label(), r.key().payloadType(), r.users())).toList();
    }

    /** Pipeline to NULL (stops every branch at once), then disposes every wrapper and the pipeline. */
    @Override
    public void close() {
        owned.close();
        if (watchedInlet != null) {
            Elements.guard("remove loss probe", () -> watchedInlet.removeEventProbe(lossProbe));
        }
        List<Element> all;
        synchronized (adopted) {
            all = List.copyOf(adopted);
            adopted.clear();
        }
        for (Element e : all) {
            Elements.guard("dispose element", e::dispose);
        }
        repayloaders.clear();
    }

    /** The name of the pipeline's child that contains {@code source} (for error attribution). */
    private String topLevelName(GstObject source) {
        try {
            GstObject current = source;
            Pipeline pipeline = owned.pipeline();
            while (current != null) {
                GstObject parent = current.getParent();
                if (parent == null || parent.equals(pipeline)) {
                    return current.getName();
                }
                current = parent;
            }
        } catch (RuntimeException e) {
            LOG.debug("cannot attribute error source", e);
        }
        return "";
    }
}
