package dev.castmesh.agent.it;

/**
 * One LossIT case: {@code lossPercent} % loss on both media legs while a viewer watched; {@code dropped} is what
 * nftables dropped meanwhile (both legs, all packets of the agent and the publisher), {@code publisher} the
 * publisher's counters over the same time. In the printed row, {@code v.} is the viewer, {@code p.} the publisher;
 * "frozen" is {@link ViewerReport#frozenSeconds()}, "1st frame" ms from createOffer.
 */
record LossCase(String codec, int lossPercent, long dropped, ViewerReport viewer, PublisherCounters publisher) {
    static String header() {
        return String.format("%-5s %4s %7s %15s %9s %11s %7s %9s %7s %8s %6s %5s %6s %9s %5s %8s  %s",
                "codec", "loss", "dropped", "frames decoded", "presented", "freezes (s)", "frozen", "1st frame",
                "v.nack", "v.rtx in", "v.lost", "v.pli", "p.nack", "p.rtx out", "p.pli", "p.target", "decoder");
    }

    /** One row; frames decoded also as a share of {@code reference} (the clean run's). */
    String row(LossCase reference) {
        return String.format("%-5s %3d%% %7d %7d (%4.0f%%) %9d %3d (%5.1f) %6.1fs %7sms %7d %8d %6d %5d %6d %9d %5d %7dk  %s",
                codec, lossPercent, dropped, viewer.framesDecoded(),
                100.0 * viewer.framesDecoded() / Math.max(1, reference.viewer.framesDecoded()), viewer.framesPresented(),
                viewer.freezeCount(), viewer.freezesSeconds(), viewer.frozenSeconds(),
                viewer.msOfferToFirstFrame().isPresent() ? String.valueOf(viewer.msOfferToFirstFrame().getAsLong()) : "-",
                viewer.nackCount(),
                viewer.retransmittedPacketsReceived(),
                viewer.packetsLost(), viewer.pliCount(), publisher.nackReceived(), publisher.retransmittedPacketsSent(),
                publisher.pliReceived(), publisher.targetBitrateBps() / 1000, viewer.decoder());
    }
}
