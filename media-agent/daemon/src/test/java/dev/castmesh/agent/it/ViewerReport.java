package dev.castmesh.agent.it;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.OptionalLong;

/**
 * The {@code result} line of {@code chromium-play.mjs}: what a Chromium viewer decoded and how it got there
 * (inbound video getStats at the end), what its {@code <video>} presented, and how fast it joined. Times in ms from
 * the start of createOffer, except {@code msPostToAnswer} (the WHEP POST until its 201). {@code freezeCount} and
 * {@code freezesSeconds} are Chromium's; {@code stallCount} and {@code msStalled} the script's own count of
 * presented-frame gaps over 200 ms, including one that lasts to the end (see chromium-play.mjs for why both).
 */
record ViewerReport(String codec, String decoder, long framesDecoded, long framesPresented, long framesDropped,
                    long freezeCount, double freezesSeconds, long stallCount, long msStalled, long nackCount, long pliCount, long retransmittedPacketsReceived,
                    long packetsReceived, long packetsLost, long audioConcealedSamples, long audioSamplesReceived,
                    long msPostToAnswer, OptionalLong msOfferToConnected, OptionalLong msOfferToFirstFrame,
                    double viewedSeconds) {

    static ViewerReport from(JsonNode result) {
        JsonNode v = result.path("video");
        JsonNode a = result.path("audio");
        return new ViewerReport(v.path("codec").asText("none"), v.path("decoder").asText(null),
                v.path("frames_decoded").asLong(), result.path("frames_presented").asLong(), v.path("frames_dropped").asLong(),
                v.path("freeze_count").asLong(), v.path("total_freezes_duration_s").asDouble(),
                result.path("stall_count").asLong(), result.path("ms_stalled").asLong(), v.path("nack_count").asLong(), v.path("pli_count").asLong(),
                v.path("retransmitted_packets_received").asLong(), v.path("packets_received").asLong(),
                v.path("packets_lost").asLong(), a.path("concealed_samples").asLong(),
                a.path("total_samples_received").asLong(), result.path("ms_post_to_answer").asLong(),
                optional(result.path("ms_offer_to_connected")), optional(result.path("ms_offer_to_first_frame")),
                result.path("viewed_s").asDouble());
    }

    /** Seconds the picture stood still after the first frame; the whole run if no frame was ever presented. */
    double stalledSeconds() {
        return msOfferToFirstFrame.isEmpty() ? viewedSeconds : msStalled / 1000.0;
    }

    private static OptionalLong optional(JsonNode n) {
        return n.isNumber() ? OptionalLong.of(n.asLong()) : OptionalLong.empty();
    }
}
