package dev.castmesh.gst.hub;

import dev.castmesh.gst.sdp.PublisherTrack;
import dev.castmesh.gst.sdp.SessionDescription;
import dev.castmesh.gst.webrtc.WebRtcEndpoint;
import dev.castmesh.gst.webrtc.WebRtcStats;
import org.freedesktop.gstreamer.Element;

import java.util.List;

/** The publisher of a stream: a receive-only webrtcbin whose pads feed the raw tees. */
final class PublisherSession extends Session {
    private final List<PublisherTrack> tracks;
    /** Held so the JNA callback lives as long as the session. */
    private Element.PAD_ADDED padAdded;

    PublisherSession(String id, WebRtcEndpoint endpoint, SessionDescription offer, List<PublisherTrack> tracks,
                     SessionLiveness liveness) {
        super(id, endpoint.element().getName(), endpoint, offer, liveness);
        this.tracks = List.copyOf(tracks);
    }

    void onPadAdded(Element.PAD_ADDED listener) {
        this.padAdded = listener;
        endpoint().element().connect(listener);
    }

    @Override
    long bytes(WebRtcStats stats) {
        return stats.bytesReceived();
    }

    @Override
    long progressMark(WebRtcStats stats) {
        return stats.bytesReceived();
    }

    PublisherSnapshot snapshot() {
        return new PublisherSnapshot(id(), state(), tracks.stream().map(t -> t.codec().label()).toList(),
                meter().total(), meter().bitrateBps());
    }
}
