package dev.castmesh.agent.it;

import org.junit.jupiter.api.function.Executable;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What one {@link LossRun} must show (the first case is the clean reference). Checked first: that the harness
 * worked (a clean run that played, loss that really happened). Then, at any loss, that repair ran (the viewer
 * received retransmissions, the publisher NACKs), and the guards below. Issue #9's own targets (3 %: the picture
 * stands still ≤ 1 s and ≥ 90 % of the clean frames; 10 %: ≥ 70 %) are printed for every case, met or not. Since a
 * packet lost beyond repair asks the publisher for a key frame at once (2026-12-02), every measured run met them
 * (3 %: 98–102 %, ≤ 0.7 s; 10 %: 95–102 %, loads 1–7); before, one viewer in three sat frozen ~3 s per such loss
 * (69 % and 6.5 s at 3 % in CI). The guards leave room for one such freeze, no more, and sit far above a path
 * without repair (FACTS.md: 3 % loss without NACK/RTX decoded 15 % of the frames and stood still 12.6 s of 20).
 * Every failing guard is reported, not just the first.
 */
final class Issue9Targets {
    /** At 3 % loss: at least this share of the clean run's frames, and no longer stall (s). */
    private static final double GUARD_3_PERCENT_SHARE = 0.8;
    private static final double GUARD_3_PERCENT_STALL = 3.0;
    /** At 10 % loss on both legs (~19 % end to end): at least this share of the clean run's frames. */
    private static final double GUARD_10_PERCENT_SHARE = 0.5;

    private Issue9Targets() {
    }

    static void assertMet(List<LossCase> cases, int viewSeconds) {
        LossCase clean = cases.get(0);
        assertTrue(clean.viewer().framesDecoded() >= 10L * viewSeconds,
                "harness: the clean run decoded only " + clean.viewer().framesDecoded() + " frames");
        assertTrue(clean.viewer().packetsLost() * 200 <= clean.viewer().packetsReceived(),
                "harness: the clean run lost " + clean.viewer().packetsLost() + " of " + clean.viewer().packetsReceived()
                        + " video packets though PacketLoss dropped none: another nft table dropping packets (see the"
                        + " PacketLoss warnings on stderr) or an overloaded host");
        for (LossCase c : cases.subList(1, cases.size())) {
            assertTrue(c.dropped() > 0, "harness: nothing dropped at " + c.lossPercent() + " %");
        }
        List<Executable> issue = new ArrayList<>();
        for (LossCase c : cases) {
            String at = c.path() + " " + c.codec() + " at " + c.lossPercent() + " %: ";
            long frames = c.viewer().framesDecoded();
            double share = (double) frames / clean.viewer().framesDecoded();
            if (c.lossPercent() == 3) {
                report(at, share >= 0.9 && c.viewer().stalledSeconds() <= 1.0, share, c.viewer().stalledSeconds());
                issue.add(() -> assertTrue(c.viewer().stalledSeconds() <= GUARD_3_PERCENT_STALL, at
                        + "the picture stood still " + c.viewer().stalledSeconds() + " s (guard ≤ " + GUARD_3_PERCENT_STALL
                        + " s; Chromium's freezes " + c.viewer().freezesSeconds() + " s)"));
                issue.add(() -> assertTrue(share >= GUARD_3_PERCENT_SHARE, at + frames + " frames decoded, clean "
                        + clean.viewer().framesDecoded() + " (guard ≥ " + (int) (GUARD_3_PERCENT_SHARE * 100) + " %)"));
            }
            if (c.lossPercent() == 10) {
                report(at, share >= 0.7, share, c.viewer().stalledSeconds());
                issue.add(() -> assertTrue(share >= GUARD_10_PERCENT_SHARE, at + frames + " frames decoded, clean "
                        + clean.viewer().framesDecoded() + " (guard ≥ " + (int) (GUARD_10_PERCENT_SHARE * 100) + " %)"));
            }
            if (c.lossPercent() > 0) {
                issue.add(() -> assertTrue(c.viewer().retransmittedPacketsReceived() > 0,
                        at + "the viewer received no retransmission"));
                issue.add(() -> assertTrue(c.publisher().nackReceived() > 0, at + "the publisher received no NACK"));
            }
        }
        assertAll("issue #9", issue);
    }

    private static void report(String at, boolean met, double share, double stalled) {
        System.out.printf("issue #9 target %s: %s%d %% of the clean frames, stood still %.1f s%n",
                met ? "met" : "NOT met", at, Math.round(share * 100), stalled);
    }
}
