package dev.castmesh.agent.it;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.OptionalLong;

/**
 * The {@code result} line of {@code chromium-play.mjs}: what a Chromium viewer decoded and how it got there
 * (inbound video getStats at the end), what its {@code <video>} presented, and how fast it joined. Times in ms from
 * the start of createOffer, except {@code msPostToAnswer} (the WHEP POST until its 201) and {@code msSinceLastFrame}
 * (from the last presented frame to the end of the run).
 */
record ViewerReport(String codec, String decoder, long framesDecoded, long framesPresented, long framesDropped,
                    long freezeCount, double freezesSeconds, OptionalLong msSinceLastFrame, long nackCount, long pliCount, long retransmittedPacketsReceived,
                    long packetsReceived, long packetsLost, long audioConcealedSamples, long audioSamplesReceived,
                    long msPostToAnswer, OptionalLong msOfferToConnected, OptionalLong msOfferToFirstFrame,
                    double viewedSeconds) {

    static ViewerReport from(JsonNode result) {
        JsonNode v = result.path("video");
        JsonNode a = result.path("audio");
        return new ViewerReport(v.path("codec").asText("none"), v.path("decoder").asText(null),
                v.path("frames_decoded").asLong(), result.path("frames_presented").asLong(), v.path("frames_dropped").asLong(),
                v.path("freeze_count").asLong(), v.path("total_freezes_duration_s").asDouble(),
                optional(result.path("ms_since_last_frame")), v.path("nack_count").asLong(), v.path("pli_count").asLong(),
                v.path("retransmitted_packets_received").asLong(), v.path("packets_received").asLong(),
                v.path("packets_lost").asLong(), a.path("concealed_samples").asLong(),
                a.path("total_samples_received").asLong(), result.path("ms_post_to_answer").asLong(),
                optional(result.path("ms_offer_to_connected")), optional(result.path("ms_offer_to_first_frame")),
                result.path("viewed_s").asDouble());
    }

    /**
     * Seconds the picture stood still: Chromium's freezes (each counted only once a frame ends it) plus the stall at
     * the end if the last frame is older than 200 ms (Chromium's own freeze rule at 20 fps: max(3 frame intervals,
     * 1 interval + 150 ms)); the whole run if no frame was ever presented.
     */
    double frozenSeconds() {
        if (msSinceLastFrame.isEmpty()) {
            return viewedSeconds;
        }
        long stall = msSinceLastFrame.getAsLong();
        return freezesSeconds + (stall > 200 ? stall / 1000.0 : 0);
    }

    private static OptionalLong optional(JsonNode n) {
        return n.isNumber() ? OptionalLong.of(n.asLong()) : OptionalLong.empty();
    }
}
