package dev.castmesh.agent.it;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The video part of a {@code werift-play.mjs} result: frames by marker bit, frames whose every packet arrived
 * ({@code framesComplete}), frames a decoder could have shown ({@code framesDecodable}: complete, and a key frame
 * or following a decodable frame), packets that arrived after a later one ({@code latePackets}: retransmissions,
 * on loopback), sequence numbers it NACKed, and the PLIs it sent for a frozen picture.
 */
record WeriftReport(boolean connected, long frames, long framesComplete, long framesDecodable, long latePackets,
                    long nackedPackets, long plisOnFreeze, long keyframes) {

    static WeriftReport from(JsonNode result) {
        JsonNode v = result.path("video");
        return new WeriftReport(result.path("connected").asBoolean(), v.path("frames").asLong(),
                v.path("frames_complete").asLong(), v.path("frames_decodable").asLong(), v.path("late_packets").asLong(),
                v.path("nacked_packets").asLong(), v.path("plis_on_freeze").asLong(), v.path("keyframes").asLong());
    }
}
