package dev.castmesh.gst.hub;

import java.time.Instant;
import java.util.List;

/**
 * An immutable view of one stream.
 *
 * @param repayloaders the shared re-payloaders (one per distinct viewer format that differs from the
 *                     publisher's payload type)
 */
public record StreamSnapshot(String stream, PublisherSnapshot publisher, List<ViewerSnapshot> viewers,
                             List<RepayloaderSnapshot> repayloaders, Instant createdAt) {

    public StreamSnapshot {
        viewers = List.copyOf(viewers);
        repayloaders = List.copyOf(repayloaders);
    }
}
