package dev.castmesh.agent.it;

import org.junit.jupiter.api.function.Executable;

import java.util.ArrayList;
import java.util.List;

/**
 * What a loss IT measures: the loss shares in turn, the clean run (0 %) first as the reference, each watched for
 * {@code viewSeconds}; and whether it then checks issue #9's targets or, in bench mode, only prints its table.
 * {@code ./castmesh bench loss} sets {@code castmesh.loss.percents} (comma-separated; 0 is added in front when
 * missing), {@code castmesh.loss.seconds} and {@code castmesh.bench}.
 */
record LossPlan(List<Integer> percents, int viewSeconds, boolean bench) {
    static final String PERCENTS = "castmesh.loss.percents";
    static final String SECONDS = "castmesh.loss.seconds";

    LossPlan {
        List<Integer> ordered = new ArrayList<>(percents);
        ordered.remove(Integer.valueOf(0));
        ordered.add(0, 0);
        percents = List.copyOf(ordered);
    }

    /** The IT's own figures unless the system properties say otherwise. */
    static LossPlan read(BenchProperties properties, List<Integer> defaultPercents, int defaultSeconds) {
        return new LossPlan(properties.integers(PERCENTS, defaultPercents, 0, 100),
                properties.integer(SECONDS, defaultSeconds, 5, 600), properties.benchMode());
    }

    /** How long a publisher must run to serve every case (a viewer's browser start and wind-down included). */
    int publisherSeconds() {
        return percents.size() * (viewSeconds + 20) + 30;
    }

    /** Runs {@code targets} unless in bench mode. */
    void check(Executable targets) throws Throwable {
        if (bench) {
            System.out.println("bench mode: the figures above are not checked against issue #9's targets");
        } else {
            targets.execute();
        }
    }
}
