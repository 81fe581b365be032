package dev.castmesh.agent.it;

import dev.castmesh.agent.it.loss.PacketLoss;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One publisher's stream watched by a fresh Chromium viewer ({@code chromium-play.mjs}, as root, so its feedback
 * always arrives) at each loss share in turn: what LossIT and CascadeLossIT do per codec. Prints the table header,
 * then each case's row as soon as it is measured (frames also as a share of the first case, the clean reference),
 * with the load average before and after. The loss is back at 0 % when it returns.
 *
 * @param path where the viewer sits, printed in each row: {@code direct} (on the publisher's agent) or
 *             {@code cascade} (on another agent, fed by a cascade)
 */
record LossRun(PacketLoss loss, String path, String codec, String whepUrl, int viewSeconds) {

    List<LossCase> watch(Peer publisher, List<Integer> percents) throws Exception {
        List<LossCase> cases = new ArrayList<>();
        System.out.println("load average before " + path + " " + codec + ": " + loadAverage());
        System.out.println(LossCase.header());
        try {
            for (int percent : percents) {
                LossCase c = view(publisher, percent);
                cases.add(c);
                System.out.println(c.row(cases.get(0)));
            }
        } finally {
            loss.setLoss(0);
        }
        System.out.println("load average after " + path + " " + codec + ": " + loadAverage());
        return cases;
    }

    private LossCase view(Peer publisher, int percent) throws Exception {
        loss.setLoss(percent);
        PublisherCounters before = PublisherCounters.latest(publisher);
        try (Peer viewer = Peer.start("chromium-play.mjs", whepUrl, "--codec", codec,
                "--duration", String.valueOf(viewSeconds), "--expose-decoder")) {
            ViewerReport seen = ViewerReport.from(viewer.result(Duration.ofSeconds(viewSeconds + 45)));
            return new LossCase(path, codec, percent, loss.droppedPackets(), seen,
                    PublisherCounters.latest(publisher).since(before));
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "? (" + e.getMessage() + ")";
        }
    }
}
