package dev.castmesh.gst.bench;

import dev.castmesh.gst.client.HttpSdpExchange;
import dev.castmesh.gst.runtime.Elements;
import dev.castmesh.gst.runtime.OwnedPipeline;
import dev.castmesh.gst.sdp.MediaKind;
import dev.castmesh.gst.sdp.RtpCaps;
import dev.castmesh.gst.sdp.RtpFormat;
import dev.castmesh.gst.webrtc.IceServers;
import dev.castmesh.gst.webrtc.LossRepair;
import dev.castmesh.gst.webrtc.WebRtcEndpoint;
import dev.castmesh.gst.webrtc.WebRtcStats;
import org.freedesktop.gstreamer.Caps;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.Pad;
import org.freedesktop.gstreamer.PadProbeType;
import org.freedesktop.gstreamer.webrtc.WebRTCPeerConnectionState;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark's WHEP viewer: a receive-only VP8 webrtcbin whose RTP goes to a fakesink, no depayload or
 * decode, so the load generator stays cheap. Received bytes come from webrtcbin's stats (no per-packet Java
 * code); an optional probe sees every RTP packet leaving webrtcbin. Its jitterbuffer latency is 0, so the
 * probe sees packets as soon as they arrive in order.
 */
final class BenchViewer implements AutoCloseable {
    private final OwnedPipeline pipeline;
    private final WebRtcEndpoint endpoint;
    private final HttpSdpExchange exchange;
    private final List<Object> keep = new CopyOnWriteArrayList<>();

    private BenchViewer(OwnedPipeline pipeline, WebRtcEndpoint endpoint, HttpSdpExchange exchange) {
        this.pipeline = pipeline;
        this.endpoint = endpoint;
        this.exchange = exchange;
    }

    /** @param probe called for every received RTP packet (may be null) */
    static BenchViewer start(URI whep, Optional<String> token, Duration timeout, Pad.PROBE probe)
            throws IOException, InterruptedException {
        OwnedPipeline pipeline = OwnedPipeline.create("bench-viewer", (src, message) -> { }, null);
        WebRtcEndpoint endpoint = WebRtcEndpoint.create("webrtc", IceServers.fromUrls(List.of()), LossRepair.DEFAULT,
                BenchRuntime.executor("viewer"), BenchRuntime.TIMER);
        HttpSdpExchange exchange = new HttpSdpExchange(whep, token, timeout);
        BenchViewer viewer = new BenchViewer(pipeline, endpoint, exchange);
        try {
            endpoint.element().set("latency", 0);
            pipeline.pipeline().add(endpoint.element());
            Element.PAD_ADDED onPad = (element, pad) -> viewer.sink(pad, probe);
            viewer.keep.add(onPad);
            endpoint.element().connect(onPad);
            endpoint.addReceiveTransceiver(Caps.fromString(RtpCaps.of(MediaKind.VIDEO,
                    new RtpFormat(96, "VP8", 90000, "", Map.of(), List.of("nack", "nack pli", "ccm fir")))));
            pipeline.play();
            String offer = endpoint.offer(timeout).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            endpoint.applyAnswer(exchange.exchange(offer)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return viewer;
        } catch (IOException | InterruptedException | RuntimeException e) {
            viewer.close();
            throw e;
        } catch (Exception e) {
            viewer.close();
            throw new IOException("WHEP negotiation failed: " + e.getMessage(), e);
        }
    }

    /** Streaming thread: the new pad goes straight to a fakesink (linked here, never left unlinked). */
    private void sink(Pad pad, Pad.PROBE probe) {
        Element sink = Elements.make("fakesink", null);
        sink.set("sync", false);
        sink.set("async", false);
        keep.add(sink);
        if (probe != null) {
            Pad probed = sink.getStaticPad("sink");
            keep.add(probed); // the probe's native callback lives on this Pad wrapper
            probed.addProbe(PadProbeType.BUFFER, probe);
        }
        pipeline.pipeline().add(sink);
        sink.syncStateWithParent();
        Elements.link(pad, sink.getStaticPad("sink"));
    }

    boolean connected() {
        return endpoint.connectionState() == WebRTCPeerConnectionState.CONNECTED;
    }

    /** Received RTP bytes so far (webrtcbin's inbound-rtp stats). */
    long bytesReceived() {
        try {
            WebRtcStats s = endpoint.stats().get(5, TimeUnit.SECONDS);
            return s.bytesReceived();
        } catch (Exception e) {
            return -1;
        }
    }

    @Override
    public void close() {
        endpoint.close();
        try {
            exchange.terminate();
        } catch (RuntimeException e) {
            System.err.println("viewer DELETE failed: " + e.getMessage());
        }
        pipeline.close();
    }
}
