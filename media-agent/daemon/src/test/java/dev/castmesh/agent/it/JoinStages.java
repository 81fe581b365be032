package dev.castmesh.agent.it;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Where one Chromium WHEP join spends its time, from {@code chromium-play.mjs}'s marks (ms, -1 when a mark is
 * missing): its own createOffer and ICE gathering; the POST until the 201; the rest until the answer is applied (the
 * harness's hops between page and Node, setRemoteDescription); ICE checks; the DTLS handshake; and from DTLS up to
 * the first presented frame (SRTP, the key frame, decode, render).
 */
record JoinStages(long gather, long post, long apply, long ice, long dtls, long media) {
    static final String HEADER = String.format("%7s %6s %6s %6s %6s %6s", "gather", "POST", "apply", "ICE", "DTLS", "media");

    static JoinStages from(JsonNode result) {
        long gathered = mark(result, "ms_offer_to_gathered");
        long applied = mark(result, "ms_offer_to_answer_applied");
        long ice = mark(result, "ms_offer_to_ice_connected");
        long dtls = mark(result, "ms_offer_to_dtls_connected");
        long frame = mark(result, "ms_offer_to_first_frame");
        long post = result.path("ms_post_to_answer").asLong(-1);
        return new JoinStages(gathered, post, between(gathered + post, applied), between(applied, ice),
                between(ice, dtls), between(dtls, frame));
    }

    String row() {
        return String.format("%7d %6d %6d %6d %6d %6d", gather, post, apply, ice, dtls, media);
    }

    /** The median of each stage over {@code joins}, as a row. */
    static String medians(List<JoinStages> joins) {
        return String.format("%7d %6d %6d %6d %6d %6d", median(joins, JoinStages::gather), median(joins, JoinStages::post),
                median(joins, JoinStages::apply), median(joins, JoinStages::ice), median(joins, JoinStages::dtls),
                median(joins, JoinStages::media));
    }

    private static long median(List<JoinStages> joins, ToLongFunction<JoinStages> stage) {
        return FirstFrameIT.percentile(joins.stream().mapToLong(stage).filter(v -> v >= 0).sorted().boxed().toList(), 50);
    }

    private static long mark(JsonNode result, String field) {
        JsonNode value = result.path(field);
        return value.isNumber() ? value.asLong() : -1;
    }

    private static long between(long from, long to) {
        return from < 0 || to < 0 ? -1 : to - from;
    }
}
