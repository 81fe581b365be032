package dev.castmesh.agent.it;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Loss-repair counters of a {@code chromium-publish.mjs} publisher's video (one {@code progress} line), and the
 * sender's bitrate figures at that moment (bits per second; -1 when Chromium gave none).
 */
record PublisherCounters(long nackReceived, long retransmittedPacketsSent, long pliReceived, long targetBitrateBps,
                         long availableOutgoingBitrateBps, String qualityLimitation) {
    static final PublisherCounters NONE = new PublisherCounters(0, 0, 0, -1, -1, "none");

    static PublisherCounters from(JsonNode progress) {
        JsonNode v = progress.path("video");
        return new PublisherCounters(v.path("nack_received").asLong(), v.path("retransmitted_packets_sent").asLong(),
                v.path("pli_received").asLong(), v.path("target_bitrate").asLong(-1),
                progress.path("available_outgoing_bitrate").asLong(-1), v.path("quality_limitation_reason").asText("?"));
    }

    /** The latest progress line of {@code publisher} so far. */
    static PublisherCounters latest(Peer publisher) {
        var progress = publisher.events("progress");
        return progress.isEmpty() ? NONE : from(progress.get(progress.size() - 1));
    }

    /** Counters since {@code earlier}; bitrates and limitation as of this one. */
    PublisherCounters since(PublisherCounters earlier) {
        return new PublisherCounters(nackReceived - earlier.nackReceived,
                retransmittedPacketsSent - earlier.retransmittedPacketsSent, pliReceived - earlier.pliReceived,
                targetBitrateBps, availableOutgoingBitrateBps, qualityLimitation);
    }
}
