package dev.castmesh.agent.it;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * One {@code progress} line of {@code chromium-publish.mjs}: {@code t} seconds since the script started, the
 * sender's bitrate figures ({@link PublisherCounters}), the RTP bytes sent so far (video and audio) and the video
 * frame width and rate.
 */
record BitrateSample(double t, PublisherCounters sender, long bytesSent, int width, int fps) {

    static BitrateSample from(JsonNode progress) {
        JsonNode v = progress.path("video");
        return new BitrateSample(progress.path("t").asDouble(), PublisherCounters.from(progress),
                v.path("bytes_sent").asLong() + progress.path("audio").path("bytes_sent").asLong(),
                v.path("frame_width").asInt(), v.path("fps").asInt());
    }

    /** The publisher's progress lines so far. */
    static List<BitrateSample> of(Peer publisher) {
        return publisher.events("progress").stream().map(BitrateSample::from).toList();
    }

    long targetBps() {
        return sender.targetBitrateBps();
    }

    /** RTP payload rate from {@code earlier} to this sample, bytes per second. */
    double bytesPerSecondSince(BitrateSample earlier) {
        return (bytesSent - earlier.bytesSent) / Math.max(0.001, t - earlier.t);
    }
}
