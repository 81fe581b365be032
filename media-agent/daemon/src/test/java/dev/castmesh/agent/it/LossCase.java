package dev.castmesh.agent.it;

/**
 * One case of a {@link LossRun}: a viewer on {@code path} ({@code direct} or {@code cascade}) watched while
 * {@code lossPercent} % of the packets on every media leg were lost; {@code dropped} is what nftables dropped
 * meanwhile (all legs, all packets of the agents and the publisher), {@code publisher} the
 * publisher's counters over the same time. In the printed row, {@code v.} is the viewer, {@code p.} the publisher;
 * "freezes" are Chromium's ({@code freezeCount}, {@code totalFreezesDuration}), "stalls" the viewer script's own
 * ({@link ViewerReport#stalledSeconds()}), "1st frame" ms from createOffer; p.target, p.avail and p.limit are the
 * publisher's targetBitrate, availableOutgoingBitrate (kbit/s) and qualityLimitationReason at the end.
 */
record LossCase(String path, String codec, int lossPercent, long dropped, ViewerReport viewer, PublisherCounters publisher) {
    static String header() {
        return String.format("%-7s %-5s %4s %7s %15s %9s %11s %11s %9s %7s %8s %6s %5s %6s %9s %5s %8s %8s %-9s %s",
                "path", "codec", "loss", "dropped", "frames decoded", "presented", "freezes (s)", "stalls (s)", "1st frame",
                "v.nack", "v.rtx in", "v.lost", "v.pli", "p.nack", "p.rtx out", "p.pli", "p.target", "p.avail",
                "p.limit", "decoder");
    }

    /** One row; frames decoded also as a share of {@code reference} (the clean run's). */
    String row(LossCase reference) {
        return String.format("%-7s %-5s %3d%% %7d %7d (%4.0f%%) %9d %3d (%5.1f) %3d (%5.1f) %7sms %7d %8d %6d %5d %6d %9d %5d %7dk %7dk %-9s %s",
                path, codec, lossPercent, dropped, viewer.framesDecoded(),
                100.0 * viewer.framesDecoded() / Math.max(1, reference.viewer.framesDecoded()), viewer.framesPresented(),
                viewer.freezeCount(), viewer.freezesSeconds(), viewer.stallCount(), viewer.stalledSeconds(),
                viewer.msOfferToFirstFrame().isPresent() ? String.valueOf(viewer.msOfferToFirstFrame().getAsLong()) : "-",
                viewer.nackCount(),
                viewer.retransmittedPacketsReceived(),
                viewer.packetsLost(), viewer.pliCount(), publisher.nackReceived(), publisher.retransmittedPacketsSent(),
                publisher.pliReceived(), publisher.targetBitrateBps() / 1000, publisher.availableOutgoingBitrateBps() / 1000,
                publisher.qualityLimitation(), viewer.decoder());
    }
}
