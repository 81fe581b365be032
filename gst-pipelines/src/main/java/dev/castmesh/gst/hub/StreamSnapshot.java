package dev.castmesh.gst.hub;

import java.time.Instant;
import java.util.List;

/**
 * An immutable view of one stream.
 *
 * @param repayloaders the shared re-payloaders (one per distinct viewer format that differs from the
 *                     publisher's payload type)
 * @param cascadeFrom  null when a real publisher feeds the stream; for a cascade copy, where it comes from
 *                     (a node alias or host:port, as given to {@link MediaEngine#publish(String, String, String)})
 */
public record StreamSnapshot(String stream, PublisherSnapshot publisher, List<ViewerSnapshot> viewers,
                             List<RepayloaderSnapshot> repayloaders, Instant createdAt, String cascadeFrom) {

    public StreamSnapshot {
        viewers = List.copyOf(viewers);
        repayloaders = List.copyOf(repayloaders);
    }

    public StreamSnapshot(String stream, PublisherSnapshot publisher, List<ViewerSnapshot> viewers,
                          List<RepayloaderSnapshot> repayloaders, Instant createdAt) {
        this(stream, publisher, viewers, repayloaders, createdAt, null);
    }

    /** Active sessions in the viewer role: what seats, heartbeats and load count. */
    public int viewerCount() {
        return (int) viewers.stream().filter(v -> v.active() && v.role().isViewer()).count();
    }

    /** Whether anything downstream still uses the stream (viewers or another agent's pull). */
    public boolean inUse() {
        return viewers.stream().anyMatch(v -> v.active() && v.role().keepsStreamInUse());
    }

    /** A cascade copy: its publisher session is another agent's media, not a WHIP publisher. */
    public boolean copy() {
        return cascadeFrom != null;
    }
}
