package dev.castmesh.gst.webrtc;

import org.freedesktop.gstreamer.Caps;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.GstObject;
import org.freedesktop.gstreamer.Pad;
import org.freedesktop.gstreamer.SDPMessage;
import org.freedesktop.gstreamer.Structure;
import org.freedesktop.gstreamer.event.Event;
import org.freedesktop.gstreamer.glib.Natives;
import org.freedesktop.gstreamer.lowlevel.GObjectAPI;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import org.freedesktop.gstreamer.lowlevel.GstAPI;
import org.freedesktop.gstreamer.glib.NativeEnum;
import org.freedesktop.gstreamer.webrtc.WebRTCPeerConnectionState;
import org.freedesktop.gstreamer.webrtc.WebRTCSDPType;
import org.freedesktop.gstreamer.webrtc.WebRTCSessionDescription;
import dev.castmesh.gst.runtime.Elements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One webrtcbin and its negotiation, safe against gst1-java-core's garbage-collection pitfalls: every
 * promise and its callback stay referenced until they complete, SDP messages handed to webrtcbin stay
 * referenced for the endpoint's life, and descriptions are read as text before webrtcbin takes them.
 * Continuations run on the owner's executor; nothing here blocks a GStreamer thread.
 */
public final class WebRtcEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(WebRtcEndpoint.class);
    private static final int BUNDLE_POLICY_MAX_BUNDLE = 3;
    private static final int GATHERING_COMPLETE = 2;
    private static final long GATHER_POLL_MS = 20;
    /** GstWebRTCRTPTransceiverDirection values. */
    public static final int DIRECTION_SENDONLY = 2;
    public static final int DIRECTION_RECVONLY = 3;
    /**
     * The custom downstream event a receiving webrtcbin's jitter buffers send out of its source pads for a packet
     * they gave up on (webrtcbin turns their {@code do-lost} on itself).
     */
    private static final String PACKET_LOST = "GstRTPPacketLost";

    private final Element webrtc;
    private final LossRepair repair;
    private final Executor executor;
    private final ScheduledExecutorService scheduler;
    private final Set<PromiseCall<?>> inflight = ConcurrentHashMap.newKeySet();
    private final List<Object> pinned = new CopyOnWriteArrayList<>();
    private final List<GstObject> transceivers = new CopyOnWriteArrayList<>();
    private final RtcpReportCounter rtcpReports;
    /** Set on the owner's executor once the local description is applied (with loss repair on). */
    private volatile RetransmissionLimit retransmissionLimit;
    private volatile boolean closed;

    private WebRtcEndpoint(Element webrtc, LossRepair repair, Executor executor, ScheduledExecutorService scheduler) {
        this.webrtc = webrtc;
        this.repair = repair;
        this.executor = executor;
        this.scheduler = scheduler;
        webrtc.set("latency", (int) repair.jitterBuffer().toMillis());
        if (repair.enabled()) {
            NewTransceiver enable = (bin, transceiver, data) -> Retransmission.enable(transceiver);
            pinned.add(enable);
            webrtc.connect("on-new-transceiver", NewTransceiver.class, enable, enable);
        }
        this.rtcpReports = RtcpReportCounter.attach(webrtc);
    }

    /** Whether {@code event} announces a packet the jitter buffer gave up on (repair failed or was off). */
    public static boolean isPacketLost(Event event) {
        Structure structure = event.getStructure();
        return structure != null && PACKET_LOST.equals(structure.getName());
    }

    /**
     * Runs {@code listener} on the owner's executor whenever webrtcbin's connection state changes (so a newly
     * connected peer is served at once rather than at the owner's next poll).
     */
    public void onConnectionStateChange(Runnable listener) {
        PropertyNotify notify = (object, pspec, data) -> {
            if (!closed) {
                executor.execute(listener);
            }
        };
        pinned.add(notify);
        webrtc.connect("notify::connection-state", PropertyNotify.class, notify, notify);
    }

    /** GObject's {@code notify::<property>}: (object, param spec, user data). */
    interface PropertyNotify extends GstAPI.GstCallback {
        void callback(Pointer object, Pointer paramSpec, Pointer userData);
    }

    /** webrtcbin's {@code on-new-transceiver}: (webrtcbin, transceiver, user data). */
    interface NewTransceiver extends GstAPI.GstCallback {
        void callback(Pointer webrtcbin, Pointer transceiver, Pointer userData);
    }

    /**
     * @param executor runs continuations (the owner's serial executor)
     * @param scheduler polls ICE gathering
     */
    public static WebRtcEndpoint create(String name, IceServers ice, LossRepair repair, Executor executor,
                                        ScheduledExecutorService scheduler) {
        return wrap(Elements.make("webrtcbin", name), ice, repair, executor, scheduler);
    }

    /** Wraps a webrtcbin that is already part of a parsed pipeline (max-bundle, ICE servers applied). */
    public static WebRtcEndpoint wrap(Element webrtcbin, IceServers ice, LossRepair repair, Executor executor,
                                      ScheduledExecutorService scheduler) {
        webrtcbin.set("bundle-policy", BUNDLE_POLICY_MAX_BUNDLE);
        IceAgentTuning.disableUpnp(webrtcbin);
        ice.applyTo(webrtcbin);
        return new WebRtcEndpoint(webrtcbin, repair, executor, scheduler);
    }

    public Element element() {
        return webrtc;
    }

    /**
     * Answerer: applies the remote offer and returns the local answer once ICE gathering completed.
     *
     */
    public CompletableFuture<String> answer(String offerSdp, Duration gatherTimeout) {
        return setRemote(WebRTCSDPType.OFFER, offerSdp)
                .thenComposeAsync(v -> create("create-answer", "answer"), executor)
                .thenComposeAsync(text -> setLocal(WebRTCSDPType.ANSWER, text), executor)
                .thenComposeAsync(v -> gathered(gatherTimeout), executor);
    }

    /** Offerer: creates and applies the local offer and returns it once ICE gathering completed. */
    public CompletableFuture<String> offer(Duration gatherTimeout) {
        return create("create-offer", "offer")
                .thenComposeAsync(text -> setLocal(WebRTCSDPType.OFFER, text), executor)
                .thenComposeAsync(v -> gathered(gatherTimeout), executor);
    }

    /** Offerer: applies the remote answer. */
    public CompletableFuture<Void> applyAnswer(String answerSdp) {
        return setRemote(WebRTCSDPType.ANSWER, answerSdp);
    }

    /** @param candidate an ICE candidate attribute value starting with {@code candidate:} */
    public void addIceCandidate(int mlineIndex, String candidate) {
        webrtc.emit("add-ice-candidate", mlineIndex, candidate);
    }

    public WebRTCPeerConnectionState connectionState() {
        return NativeEnum.fromInt(WebRTCPeerConnectionState.class, (Integer) webrtc.get("connection-state"));
    }

    /** Reads {@code get-stats}; the reply text is parsed on the owner's executor. */
    public CompletableFuture<WebRtcStats> stats() {
        PromiseCall<String> call = track(new PromiseCall<>(s -> s == null ? "" : s.toString()));
        webrtc.emit("get-stats", null, call.promise());
        return call.result().thenApplyAsync(text -> StatsParser.parse(text, rtcpReports.reports()), executor);
    }

    /**
     * Requests a sending pad whose transceiver negotiates exactly {@code codecPreferences} (answer
     * content no longer depends on what flows upstream).
     */
    public Pad requestSendPad(Caps codecPreferences) {
        Pad pad = webrtc.getRequestPad("sink_%u");
        if (pad == null) {
            throw new IllegalStateException("webrtcbin refused a sink pad");
        }
        GstObject transceiver = transceiver(pad);
        transceiver.set("codec-preferences", codecPreferences);
        transceiver.set("do-nack", repair.enabled());
        return pad;
    }

    /**
     * The transceiver behind a webrtcbin pad. ({@code Pad.get("transceiver")} cannot be used: gst1-java-core
     * has no class for GstWebRTCRTPTransceiver and tries to instantiate the abstract GObject.)
     */
    public static GstObject transceiver(Pad pad) {
        PointerByReference ref = new PointerByReference();
        GObjectAPI.GOBJECT_API.g_object_get(pad, "transceiver", ref, null);
        if (ref.getValue() == null) {
            throw new IllegalStateException("pad " + pad.getName() + " has no transceiver");
        }
        return Natives.objectFor(ref.getValue(), GstObject.class, false, true);
    }

    /** Sets the direction of the transceiver behind a pad (e.g. {@link #DIRECTION_SENDONLY}). */
    public static void setDirection(Pad pad, int direction) {
        transceiver(pad).set("direction", direction);
    }

    /**
     * Adds a receive-only transceiver for the formats in {@code caps}: an offerer offers them; an answerer matches
     * it to the offer's section of that kind and answers from these preferences (header extensions included).
     */
    public void addReceiveTransceiver(Caps caps) {
        GstObject transceiver = webrtc.emit(GstObject.class, "add-transceiver", DIRECTION_RECVONLY, caps);
        if (transceiver == null) {
            throw new IllegalStateException("webrtcbin refused the transceiver");
        }
        transceiver.set("do-nack", repair.enabled());
        transceivers.add(transceiver);
    }

    /**
     * Interrupts pending promises and drops our references to the transceivers we added (they hold the transports
     * and so the ICE sockets; waiting for the garbage collector leaked file descriptors). Pinned SDP messages live as
     * long as this object; the element itself is the owner's to remove.
     */
    public void close() {
        closed = true;
        inflight.forEach(PromiseCall::interrupt);
        inflight.clear();
        transceivers.forEach(t -> Elements.guard("release transceiver", t::dispose));
        transceivers.clear();
        if (retransmissionLimit != null) {
            retransmissionLimit.close();
            if (retransmissionLimit.refused() > 0) {
                LOG.info("{}: {} retransmission requests over the budget of {}/s were refused", webrtc.getName(),
                        retransmissionLimit.refused(), repair.retransmissionsPerSecond());
            }
        }
    }

    private CompletableFuture<Void> setRemote(WebRTCSDPType type, String sdp) {
        PromiseCall<Void> call = track(new PromiseCall<>(s -> failIfError(s, NegotiationException.Step.SET_REMOTE)));
        webrtc.emit("set-remote-description", description(type, sdp), call.promise());
        return call.result();
    }

    private CompletableFuture<Void> setLocal(WebRTCSDPType type, String sdp) {
        PromiseCall<Void> call = track(new PromiseCall<>(s -> failIfError(s, NegotiationException.Step.SET_LOCAL)));
        webrtc.emit("set-local-description", description(type, sdp), call.promise());
        return call.result().thenRunAsync(this::limitRetransmissions, executor);
    }

    /** Once: the retransmission senders exist when the local description is set. Never fails a negotiation. */
    private void limitRetransmissions() {
        if (repair.enabled() && retransmissionLimit == null && !closed) {
            try {
                retransmissionLimit = RetransmissionLimit.apply(webrtc, repair.retransmissionsPerSecond());
            } catch (RuntimeException e) {
                LOG.warn("{}: retransmissions left unlimited: {}", webrtc.getName(), e.toString());
            }
        }
    }

    private CompletableFuture<String> create(String signal, String field) {
        PromiseCall<String> call = track(new PromiseCall<>(descriptionText(field)));
        webrtc.emit(signal, null, call.promise());
        return call.result();
    }

    private static Function<Structure, String> descriptionText(String field) {
        return s -> {
            failIfError(s, NegotiationException.Step.CREATE);
            if (s == null || !s.hasField(field)) {
                throw new NegotiationException(NegotiationException.Step.CREATE, "no " + field + " in reply");
            }
            WebRTCSessionDescription d = (WebRTCSessionDescription) s.getValue(field);
            String text = d.getSDPMessage().toString();
            d.disown();
            return text;
        };
    }

    private static Void failIfError(Structure reply, NegotiationException.Step step) {
        if (reply != null && reply.hasField("error")) {
            throw new NegotiationException(step, reply.toString());
        }
        return null;
    }

    /** A description webrtcbin copies; the SDP message stays pinned, the wrapper is disowned (no double free). */
    private WebRTCSessionDescription description(WebRTCSDPType type, String sdp) {
        SDPMessage message = new SDPMessage();
        message.parseBuffer(sdp);
        pinned.add(message);
        WebRTCSessionDescription description = new WebRTCSessionDescription(type, message);
        description.disown();
        return description;
    }

    private <T> PromiseCall<T> track(PromiseCall<T> call) {
        if (closed) {
            call.interrupt();
            return call;
        }
        inflight.add(call);
        call.result().whenComplete((r, e) -> inflight.remove(call));
        return call;
    }

    private CompletableFuture<String> gathered(Duration timeout) {
        CompletableFuture<String> result = new CompletableFuture<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        Runnable poll = new Runnable() {
            @Override
            public void run() {
                try {
                    if (closed) {
                        result.completeExceptionally(new NegotiationException(NegotiationException.Step.CLOSED,
                                "closed while gathering"));
                    } else if ((Integer) webrtc.get("ice-gathering-state") == GATHERING_COMPLETE) {
                        result.complete(localDescription());
                    } else if (System.nanoTime() > deadline) {
                        result.completeExceptionally(new NegotiationException(NegotiationException.Step.GATHER,
                                "ICE gathering did not complete in " + timeout.toMillis() + " ms"));
                    } else {
                        scheduler.schedule(this, GATHER_POLL_MS, TimeUnit.MILLISECONDS);
                    }
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            }
        };
        scheduler.execute(poll);
        return result;
    }

    private String localDescription() {
        WebRTCSessionDescription d = (WebRTCSessionDescription) webrtc.get("local-description");
        if (d == null) {
            throw new NegotiationException(NegotiationException.Step.GATHER, "no local description");
        }
        String text = d.getSDPMessage().toString();
        d.disown();
        return text;
    }
}
