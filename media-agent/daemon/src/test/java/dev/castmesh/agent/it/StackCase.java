package dev.castmesh.agent.it;

import java.util.OptionalLong;

/**
 * One viewer of IndependentStacksLossIT at one loss share: {@code frames} it decoded (or, for werift, could have
 * decoded: {@link WeriftReport#framesDecodable()}), and what it says of repair where it can tell
 * ({@code repaired}: packets that arrived late, i.e. retransmissions; {@code nacked}: sequence numbers it asked
 * for; {@code plis}: key frames it asked for). {@code dropped} is what nftables dropped during the round (all
 * viewers of the round together).
 */
record StackCase(String client, int lossPercent, long dropped, long frames, OptionalLong repaired, OptionalLong nacked,
                 OptionalLong plis) {

    static String header() {
        return String.format("%-26s %4s %7s %15s %8s %7s %5s", "client", "loss", "dropped", "frames", "repaired",
                "nacked", "plis");
    }

    /** One row; frames also as a share of {@code reference} (the same client's clean run). */
    String row(StackCase reference) {
        return String.format("%-26s %3d%% %7d %6d (%4.0f%%) %8s %7s %5s", client, lossPercent, dropped, frames,
                100.0 * share(reference), text(repaired), text(nacked), text(plis));
    }

    double share(StackCase reference) {
        return (double) frames / Math.max(1, reference.frames);
    }

    private static String text(OptionalLong n) {
        return n.isPresent() ? String.valueOf(n.getAsLong()) : "-";
    }
}
