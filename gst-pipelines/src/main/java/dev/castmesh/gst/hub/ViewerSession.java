package dev.castmesh.gst.hub;

import dev.castmesh.gst.runtime.Elements;
import dev.castmesh.gst.sdp.SessionDescription;
import dev.castmesh.gst.sdp.ViewerTrack;
import dev.castmesh.gst.webrtc.WebRtcEndpoint;
import dev.castmesh.gst.webrtc.WebRtcStats;

import java.util.ArrayList;
import java.util.List;

/** One viewer: a send-only webrtcbin fed by one branch per track. */
final class ViewerSession extends Session {
    private final List<ViewerTrack> tracks;
    private final List<ViewerBranch> branches = new ArrayList<>();
    private final List<Repayloader> repayloaders = new ArrayList<>();
    private boolean closed;

    ViewerSession(String id, WebRtcEndpoint endpoint, SessionDescription offer, List<ViewerTrack> tracks,
                  SessionLiveness liveness) {
        super(id, endpoint.element().getName(), endpoint, offer, liveness);
        this.tracks = List.copyOf(tracks);
    }

    List<ViewerTrack> tracks() {
        return tracks;
    }

    void addBranch(ViewerBranch branch) {
        branches.add(branch);
    }

    void usesRepayloader(Repayloader r) {
        repayloaders.add(r);
    }

    /**
     * Tears down in an order that cannot deadlock or disturb the tees: unlink every branch from its tee,
     * stop and remove the webrtcbin (this releases queue threads it was blocking), stop and remove the
     * queues and release the tee pads, then release shared re-payloaders. Idempotent, each step guarded.
     */
    void close(StreamGraph graph) {
        if (closed) {
            return;
        }
        closed = true;
        endpoint().close();
        branches.forEach(ViewerBranch::detach);
        Elements.guard("remove viewer webrtcbin", () -> graph.remove(endpoint().element()));
        branches.forEach(b -> b.dispose(graph));
        branches.clear();
        for (Repayloader r : repayloaders) {
            Elements.guard("release re-payloader", () -> graph.releaseRepayloader(r));
        }
        repayloaders.clear();
    }

    @Override
    long bytes(WebRtcStats stats) {
        return stats.bytesSent();
    }

    @Override
    long progressMark(WebRtcStats stats) {
        return stats.feedbackMark();
    }

    ViewerSnapshot snapshot() {
        return new ViewerSnapshot(id(), state(), tracks.stream()
                .map(t -> t.codec().label() + " pt=" + t.viewerFormat().payloadType()).toList(),
                meter().total(), meter().bitrateBps());
    }
}
