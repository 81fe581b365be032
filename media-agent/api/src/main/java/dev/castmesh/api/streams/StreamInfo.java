package dev.castmesh.api.streams;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.castmesh.api.recording.RecordingInfo;

import java.time.Instant;
import java.util.List;

/**
 * One stream on a media agent ({@code GET /api/streams}, {@code GET /api/streams/{stream}}).
 *
 * @param stream        the stream name
 * @param createdAt     when its publisher's offer arrived
 * @param publisher     the WHIP session feeding it; null for a cascade copy
 * @param viewers       its WHEP sessions (cascade pushes out not included)
 * @param bitrateInBps  what the publisher (or the cascade source) sends us, bits per second (last stats interval)
 * @param bitrateOutBps the sum of what we send to its viewers, bits per second
 * @param cascadeFrom   null for a stream published here; for a cascade copy, the node (alias or host:port) it comes from
 * @param cascade       its cascade legs: the pull feeding a copy, the pushes to other agents; empty for none
 * @param recording     its current or last recording on this agent (as {@code GET /api/record/{stream}} answers it);
 *                      null, and absent from the JSON, when it was not recorded since the agent started
 */
public record StreamInfo(String stream, Instant createdAt, PublisherInfo publisher, List<ViewerInfo> viewers,
                         long bitrateInBps, long bitrateOutBps, String cascadeFrom, List<CascadeLink> cascade,
                         @JsonInclude(JsonInclude.Include.NON_NULL) RecordingInfo recording) {
    public StreamInfo {
        viewers = List.copyOf(viewers);
        cascade = cascade == null ? List.of() : List.copyOf(cascade);
    }

    public StreamInfo(String stream, Instant createdAt, PublisherInfo publisher, List<ViewerInfo> viewers,
                      long bitrateInBps, long bitrateOutBps, String cascadeFrom, List<CascadeLink> cascade) {
        this(stream, createdAt, publisher, viewers, bitrateInBps, bitrateOutBps, cascadeFrom, cascade, null);
    }

    public StreamInfo(String stream, Instant createdAt, PublisherInfo publisher, List<ViewerInfo> viewers,
                      long bitrateInBps, long bitrateOutBps) {
        this(stream, createdAt, publisher, viewers, bitrateInBps, bitrateOutBps, null, List.of());
    }
}
