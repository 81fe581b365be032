package dev.castmesh.api.streams;

import java.time.Instant;
import java.util.List;

/**
 * One stream on a media agent ({@code GET /api/streams}, {@code GET /api/streams/{stream}}).
 *
 * @param stream        the stream name
 * @param createdAt     when its publisher's offer arrived
 * @param publisher     the WHIP session feeding it
 * @param viewers       its WHEP sessions
 * @param bitrateInBps  what the publisher sends us, bits per second (last stats interval)
 * @param bitrateOutBps the sum of what we send to its viewers, bits per second
 */
public record StreamInfo(String stream, Instant createdAt, PublisherInfo publisher, List<ViewerInfo> viewers,
                         long bitrateInBps, long bitrateOutBps) {
    public StreamInfo {
        viewers = List.copyOf(viewers);
    }
}
