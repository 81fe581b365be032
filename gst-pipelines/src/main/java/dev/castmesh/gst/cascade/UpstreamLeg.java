package dev.castmesh.gst.cascade;

import dev.castmesh.gst.client.SdpExchange;
import dev.castmesh.gst.runtime.Elements;
import dev.castmesh.gst.runtime.KeyframeRequests;
import dev.castmesh.gst.sdp.Codec;
import dev.castmesh.gst.sdp.MediaKind;
import dev.castmesh.gst.webrtc.WebRtcEndpoint;
import org.freedesktop.gstreamer.Bin;
import org.freedesktop.gstreamer.Buffer;
import org.freedesktop.gstreamer.BufferFlags;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.Pad;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One source of a bridge: a receive-only webrtcbin (a WHEP offerer) and one depayloader per kind feeding the
 * outlets. A leg starts inactive: its media is dropped until its first video key frame (or first audio, without
 * video), then it becomes active and the bridge retires the previous leg, so viewers switch at a key frame.
 * A retired leg drops everything until it is removed.
 */
final class UpstreamLeg {
    private final String name;
    private final WebRtcEndpoint endpoint;
    private final SdpExchange exchange;
    private final CompletableFuture<Void> activated = new CompletableFuture<>();
    private final List<Link> links = new CopyOnWriteArrayList<>();
    /** Probe callbacks and the Pad/Element wrappers they live on (see STYLE: gst1-java-core drops them on GC). */
    private final List<Object> keep = new CopyOnWriteArrayList<>();
    private volatile Map<MediaKind, Codec> codecs = Map.of();
    private volatile boolean active;
    private volatile boolean retired;

    /** One depayloader of this leg and the funnel input it feeds. */
    record Link(MediaKind kind, Element depay, Pad funnelInput, Outlet outlet) {
    }

    UpstreamLeg(String name, WebRtcEndpoint endpoint, SdpExchange exchange) {
        this.name = name;
        this.endpoint = endpoint;
        this.exchange = exchange;
    }

    String name() {
        return name;
    }

    WebRtcEndpoint endpoint() {
        return endpoint;
    }

    SdpExchange exchange() {
        return exchange;
    }

    /** What the source answered it sends, per kind (set before the answer is applied, so before any pad). */
    void answered(Map<MediaKind, Codec> sent) {
        this.codecs = Map.copyOf(new EnumMap<>(sent));
    }

    Map<MediaKind, Codec> codecs() {
        return codecs;
    }

    CompletableFuture<Void> activated() {
        return activated;
    }

    boolean active() {
        return active;
    }

    boolean retired() {
        return retired;
    }

    void retire() {
        retired = true;
    }

    void keep(Object o) {
        keep.add(o);
    }

    void linked(Link link) {
        links.add(link);
    }

    List<Link> links() {
        return List.copyOf(links);
    }

    /**
     * Streaming thread, for each depayloaded buffer: whether it goes on to the outlet.
     *
     * @return true to pass; activates the leg at its first video key frame
     */
    boolean pass(MediaKind kind, Buffer buffer) {
        if (retired) {
            return false;
        }
        if (active) {
            return true;
        }
        boolean hasVideo = codecs.containsKey(MediaKind.VIDEO);
        if (kind == MediaKind.VIDEO && !buffer.getFlags().contains(BufferFlags.DELTA_UNIT)
                || kind == MediaKind.AUDIO && !hasVideo) {
            active = true;
            activated.complete(null);
            return true;
        }
        return false;
    }

    /** Asks this leg's source for a video key frame (a PLI from its rtpsession). */
    boolean requestKeyframe() {
        for (Link l : links) {
            if (l.kind() == MediaKind.VIDEO) {
                Pad sink = l.depay().getStaticPad("sink");
                return sink.isLinked() && KeyframeRequests.requestUpstream(sink);
            }
        }
        return false;
    }

    /** Unlinks from the outlets, stops and removes its elements. Idempotent; each step guarded. */
    void remove(Bin bin) {
        retired = true;
        endpoint.close();
        List<Link> all = List.copyOf(links);
        links.clear();
        for (Link l : all) {
            Elements.guard("unlink leg", () -> l.depay().getStaticPad("src").unlink(l.funnelInput()));
        }
        Elements.removeQuietly(bin, endpoint.element());
        for (Link l : all) {
            Elements.removeQuietly(bin, l.depay());
            l.outlet().releaseInput(l.funnelInput());
        }
        keep.clear();
    }
}
