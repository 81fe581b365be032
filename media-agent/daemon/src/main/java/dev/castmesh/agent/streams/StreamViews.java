package dev.castmesh.agent.streams;

import dev.castmesh.api.recording.RecordingInfo;
import dev.castmesh.api.streams.CascadeLink;
import dev.castmesh.api.streams.PublisherInfo;
import dev.castmesh.api.streams.StreamInfo;
import dev.castmesh.api.streams.ViewerInfo;
import dev.castmesh.gst.hub.PublisherSnapshot;
import dev.castmesh.gst.hub.StreamSnapshot;
import dev.castmesh.gst.hub.ViewerSnapshot;

/** Engine snapshots → the API records of {@code media-agent/api}. Pure. */
final class StreamViews {
    private StreamViews() {
    }

    /**
     * @param cascade   the stream's cascade legs (pull first, then pushes); only sessions in the viewer role are listed
     *                  as viewers
     * @param recording its current or last recording, null if never recorded
     */
    static StreamInfo of(StreamSnapshot s, java.util.List<CascadeLink> cascade, RecordingInfo recording) {
        PublisherSnapshot p = s.publisher();
        PublisherInfo publisher = p == null || s.copy() ? null
                : new PublisherInfo(p.sessionId(), p.state().name(), p.codecs(), p.bytesReceived(), p.bitrateBps());
        long out = 0;
        java.util.List<ViewerInfo> viewers = new java.util.ArrayList<>();
        for (ViewerSnapshot v : s.viewers()) {
            if (!v.role().isViewer()) {
                continue;
            }
            viewers.add(new ViewerInfo(v.sessionId(), v.state().name(), v.codecs(), v.bytesSent(), v.bitrateBps()));
            out += v.bitrateBps();
        }
        return new StreamInfo(s.stream(), s.createdAt(), publisher, viewers, p == null ? 0 : p.bitrateBps(), out,
                s.cascadeFrom(), cascade, recording);
    }

    /** A reserved stream no publisher or source feeds yet: no sessions, no bitrates, created when it was reserved. */
    static StreamInfo reserved(String stream, java.time.Instant since) {
        return new StreamInfo(stream, since, null, java.util.List.of(), 0, 0);
    }
}
