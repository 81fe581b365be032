package dev.castmesh.gst.client;

import dev.castmesh.gst.runtime.GstRuntime;
import dev.castmesh.gst.runtime.OwnedPipeline;
import dev.castmesh.gst.webrtc.IceServers;
import dev.castmesh.gst.webrtc.LossRepair;
import dev.castmesh.gst.webrtc.WebRtcEndpoint;
import dev.castmesh.gst.webrtc.WebRtcStats;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.Pad;
import org.freedesktop.gstreamer.PadProbeReturn;
import org.freedesktop.gstreamer.event.EOSEvent;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A WHIP publisher: a send-only webrtcbin offerer fed by a {@link PublishSource}. {@link #start}
 * returns once the server's answer is applied; {@link #close} deletes the server session and stops.
 */
public final class WhipClient implements AutoCloseable {
    private final ClientSession session;
    // gst1-java-core keeps a probe's native callback on the Java Pad wrapper: hold both, or a GC drops the probe.
    private final List<Pad.EVENT_PROBE> probes = new CopyOnWriteArrayList<>();
    private final List<Pad> probedPads = new CopyOnWriteArrayList<>();

    private WhipClient(ClientSession session) {
        this.session = session;
    }

    /**
     * @param iceServers STUN/TURN URLs (see {@link IceServers#fromUrls})
     * @throws HttpStatusException when the server refuses the offer
     */
    public static WhipClient start(PublishSource source, SdpExchange exchange, List<String> iceServers,
                                   Duration timeout) throws IOException, InterruptedException {
        GstRuntime.requireElements("webrtcbin", "videotestsrc", "audiotestsrc", "opusenc", "rtpopuspay",
                source.codec() == VideoCodec.VP8 ? "vp8enc" : "x264enc");
        ClientSession session = new ClientSession(exchange, timeout);
        WhipClient client = new WhipClient(session);
        try {
            OwnedPipeline pipeline = OwnedPipeline.parse(source.pipelineDescription(overlay()),
                    (src, message) -> session.onError(message), session::onEos);
            Element webrtc = pipeline.pipeline().getElementByName("webrtc");
            session.attach(pipeline, WebRtcEndpoint.wrap(webrtc, IceServers.fromUrls(iceServers), LossRepair.DEFAULT, session.executor(),
                    ClientRuntime.scheduler()));
            AtomicInteger ended = new AtomicInteger();
            for (Pad pad : webrtc.getSinkPads()) {
                WebRtcEndpoint.setDirection(pad, WebRtcEndpoint.DIRECTION_SENDONLY);
                // a played-out file ends at webrtcbin's inputs; the pipeline itself never posts EOS
                Pad.EVENT_PROBE eos = (p, event) -> {
                    if (event instanceof EOSEvent && ended.incrementAndGet() == client.probedPads.size()) {
                        session.onEos();
                    }
                    return PadProbeReturn.OK;
                };
                client.probes.add(eos);
                client.probedPads.add(pad);
                pad.addEventProbe(eos);
            }
            pipeline.play();
            awaitCaps(webrtc, timeout);
            session.negotiate();
            return client;
        } catch (IOException | InterruptedException | RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /** webrtcbin's connection state name: NEW, CONNECTING, CONNECTED, DISCONNECTED, FAILED, CLOSED. */
    public String state() {
        return session.state();
    }

    public boolean awaitConnected(Duration wait) throws InterruptedException {
        return session.awaitConnected(wait);
    }

    /** True when the source ended (file played out) or the pipeline failed. */
    public boolean ended() {
        return session.ended();
    }

    public Optional<String> error() {
        return session.error();
    }

    public WebRtcStats stats() {
        return session.stats();
    }

    @Override
    public void close() {
        session.close();
    }

    /**
     * The offer is built from the caps the payloaders actually produce (H.264 profile-level-id comes
     * from the encoder's SPS), so wait until every webrtcbin input has caps.
     */
    private static void awaitCaps(Element webrtc, Duration timeout) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!webrtc.getSinkPads().stream().allMatch(Pad::hasCurrentCaps)) {
            if (System.nanoTime() > deadline) {
                throw new IOException("the media source produced nothing within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(10);
        }
    }

    private static String overlay() {
        if (GstRuntime.hasElement("clockoverlay")) {
            return "clockoverlay time-format=\"%H:%M:%S\" halignment=left valignment=top shaded-background=true";
        }
        return GstRuntime.hasElement("timeoverlay") ? "timeoverlay halignment=left valignment=top" : "";
    }
}
