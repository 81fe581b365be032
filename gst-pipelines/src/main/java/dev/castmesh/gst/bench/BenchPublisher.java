package dev.castmesh.gst.bench;

import dev.castmesh.gst.client.HttpSdpExchange;
import dev.castmesh.gst.runtime.OwnedPipeline;
import dev.castmesh.gst.runtime.SerialExecutor;
import dev.castmesh.gst.webrtc.IceServers;
import dev.castmesh.gst.webrtc.LossRepair;
import dev.castmesh.gst.webrtc.WebRtcEndpoint;
import dev.castmesh.gst.webrtc.WebRtcStats;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.Pad;
import org.freedesktop.gstreamer.PadProbeType;
import org.freedesktop.gstreamer.webrtc.WebRTCPeerConnectionState;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark's WHIP publisher: VP8 only, real content at a fixed bitrate (a scrolling SMPTE pattern
 * with a running time overlay: every frame changes, so the encoder really spends its bitrate), 125-ish
 * RTP packets/s at 1 Mbit/s with a 1200-byte MTU. An optional probe sees every RTP packet just before
 * webrtcbin (an {@code identity} splits the payloader's buffer lists into single buffers for it).
 */
final class BenchPublisher implements AutoCloseable {
    private final OwnedPipeline pipeline;
    private final WebRtcEndpoint endpoint;
    private final HttpSdpExchange exchange;
    private final Pad.PROBE probe;
    /** Held so the probe survives: its native callback lives on this Pad wrapper. */
    private Pad probedPad;

    private BenchPublisher(OwnedPipeline pipeline, WebRtcEndpoint endpoint, HttpSdpExchange exchange, Pad.PROBE probe) {
        this.pipeline = pipeline;
        this.endpoint = endpoint;
        this.exchange = exchange;
        this.probe = probe;
    }

    static String pipelineDescription(int kbps, int keyframeInterval) {
        return "webrtcbin name=webrtc videotestsrc is-live=true pattern=smpte horizontal-speed=4"
                + " ! video/x-raw,format=I420,width=640,height=360,framerate=30/1"
                + " ! timeoverlay halignment=right valignment=bottom font-desc=\"Sans 24\""
                + " ! vp8enc deadline=1 cpu-used=8 end-usage=cbr target-bitrate=" + kbps * 1000 + " keyframe-max-dist=" + keyframeInterval
                + " ! rtpvp8pay pt=96 picture-id-mode=15-bit mtu=1200"
                + " ! application/x-rtp,media=video,encoding-name=VP8,payload=96,clock-rate=90000"
                + " ! identity name=stamp ! webrtc.";
    }

    /** @param probe called for every RTP packet before webrtcbin (may be null) */
    static BenchPublisher start(URI whip, Optional<String> token, int kbps, int keyframeInterval, Duration timeout,
                                Pad.PROBE probe)
            throws IOException, InterruptedException {
        SerialExecutor exec = BenchRuntime.executor("publisher");
        OwnedPipeline pipeline = OwnedPipeline.parse(pipelineDescription(kbps, keyframeInterval),
                (src, message) -> System.err.println("publisher error: " + message), null);
        Element webrtc = pipeline.pipeline().getElementByName("webrtc");
        WebRtcEndpoint endpoint = WebRtcEndpoint.wrap(webrtc, IceServers.fromUrls(List.of()), LossRepair.DEFAULT, exec, BenchRuntime.TIMER);
        HttpSdpExchange exchange = new HttpSdpExchange(whip, token, timeout);
        BenchPublisher publisher = new BenchPublisher(pipeline, endpoint, exchange, probe);
        try {
            for (Pad pad : webrtc.getSinkPads()) {
                WebRtcEndpoint.setDirection(pad, WebRtcEndpoint.DIRECTION_SENDONLY);
            }
            if (probe != null) {
                publisher.probedPad = pipeline.pipeline().getElementByName("stamp").getStaticPad("src");
                publisher.probedPad.addProbe(PadProbeType.BUFFER, probe);
            }
            pipeline.play();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!webrtc.getSinkPads().stream().allMatch(Pad::hasCurrentCaps)) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("the encoder produced nothing within " + timeout.toSeconds() + " s");
                }
                Thread.sleep(10);
            }
            String offer = endpoint.offer(timeout).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            endpoint.applyAnswer(exchange.exchange(offer)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return publisher;
        } catch (IOException | InterruptedException | RuntimeException e) {
            publisher.close();
            throw e;
        } catch (Exception e) {
            publisher.close();
            throw new IOException("WHIP negotiation failed: " + e.getMessage(), e);
        }
    }

    boolean connected() {
        return endpoint.connectionState() == WebRTCPeerConnectionState.CONNECTED;
    }

    WebRtcStats stats() throws Exception {
        return endpoint.stats().get(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        endpoint.close();
        try {
            exchange.terminate();
        } catch (RuntimeException e) {
            System.err.println("publisher DELETE failed: " + e.getMessage());
        }
        pipeline.close();
    }

    Pad.PROBE probe() {
        return probe;
    }
}
