package dev.castmesh.gst.hub;

import dev.castmesh.gst.runtime.Bounded;
import dev.castmesh.gst.runtime.Elements;
import dev.castmesh.gst.sdp.SessionDescription;
import dev.castmesh.gst.sdp.ViewerTrack;
import dev.castmesh.gst.webrtc.WebRtcEndpoint;
import dev.castmesh.gst.webrtc.WebRtcStats;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/** One viewer: a send-only webrtcbin fed by one branch per track. */
final class ViewerSession extends Session {
    /** How long the stream's executor waits for a viewer's elements to stop before going on without them. */
    static final Duration STOP_WAIT = Duration.ofSeconds(2);
    private final SessionRole role;
    private final List<ViewerTrack> tracks;
    private final List<ViewerBranch> branches = new ArrayList<>();
    private final List<Repayloader> repayloaders = new ArrayList<>();
    private boolean closed;

    ViewerSession(String id, SessionRole role, WebRtcEndpoint endpoint, SessionDescription offer,
                  List<ViewerTrack> tracks, SessionLiveness liveness) {
        super(id, endpoint.element().getName(), endpoint, offer, liveness);
        this.role = role;
        this.tracks = List.copyOf(tracks);
    }

    List<ViewerTrack> tracks() {
        return tracks;
    }

    void addBranch(ViewerBranch branch) {
        branches.add(branch);
    }

    /**
     * Mutes or unmutes this viewer's tracks of {@code kind}; false when it has none. Branches are added in the order
     * of {@link #tracks()}, one per track.
     */
    boolean enable(dev.castmesh.gst.sdp.MediaKind kind, boolean enabled) {
        boolean found = false;
        for (int i = 0; i < branches.size() && i < tracks.size(); i++) {
            if (tracks.get(i).kind() == kind) {
                branches.get(i).enable(enabled);
                found = true;
            }
        }
        return found;
    }

    void usesRepayloader(Repayloader r) {
        repayloaders.add(r);
    }

    /**
     * Tears down in an order that cannot deadlock or disturb the tees: unlink every branch from its tee and
     * flush it (wakes a queue thread waiting inside webrtcbin), then stop and remove the webrtcbin and the
     * queues and release the tee pads on a pool thread, waited for at most {@link #STOP_WAIT} (a wedged
     * webrtcbin never stalls the stream), then release shared re-payloaders. Idempotent, each step guarded.
     */
    void close(StreamGraph graph, Executor pool) {
        if (closed) {
            return;
        }
        closed = true;
        endpoint().close();
        List<ViewerBranch> all = List.copyOf(branches);
        branches.clear();
        all.forEach(ViewerBranch::detach);
        all.forEach(ViewerBranch::flush);
        Bounded.run(pool, STOP_WAIT, "stopping " + elementName(), () -> {
            Elements.guard("remove viewer webrtcbin", () -> graph.remove(endpoint().element()));
            all.forEach(b -> b.dispose(graph));
        });
        for (Repayloader r : repayloaders) {
            Elements.guard("release re-payloader", () -> graph.releaseRepayloader(r));
        }
        repayloaders.clear();
    }

    /** Stream end: only wakes the branches' threads; the pipeline going to NULL stops everything. */
    void flushBranches() {
        endpoint().close();
        branches.forEach(ViewerBranch::flush);
    }

    @Override
    long bytes(WebRtcStats stats) {
        return stats.bytesSent();
    }

    @Override
    long progressMark(WebRtcStats stats) {
        return stats.rtcpReportsReceived();
    }

    ViewerSnapshot snapshot() {
        return new ViewerSnapshot(id(), role, state(), tracks.stream()
                .map(t -> t.codec().label() + " pt=" + t.viewerFormat().payloadType()).toList(),
                meter().total(), meter().bitrateBps());
    }
}
