package dev.castmesh.agent.it;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #9, "Media that survives real networks", measured where a viewer sees it: Chromium publishes (fake camera)
 * → agent (its own JVM) → Chromium views, with 0, 3 and 10 % of the packets lost on both media legs, 20 s of
 * viewing per case. The agent runs as user {@code castmesh-loss-a} and the publisher as
 * {@code castmesh-loss-b}, whose UDP is dropped on arrival; the viewer runs as root, so the agent's packets
 * to the viewer and the publisher's to the agent are lost (and feedback from the agent to the publisher), while the
 * viewer's feedback always arrives.
 *
 * <p>Per codec, one agent JVM and one publisher serve all loss levels (only the share changes between cases); the
 * clean run is the reference of the same codec. Every case's row is printed before anything is asserted.
 * {@code ./castmesh bench loss} runs it with other shares and durations (see {@link LossPlan}).
 */
class LossIT {
    private static final LossPlan PLAN = LossPlan.read(BenchProperties.system(), List.of(0, 3, 10), 20);
    private static final Duration CONNECT = Duration.ofSeconds(30);

    @RegisterExtension
    static final LossyHost HOST = LossyHost.bothLegs("lossy");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"VP8", "H264"})
    void viewerHardlyNoticesLoss(String codec) throws Throwable {
        String stream = "loss-" + codec.toLowerCase();
        List<LossCase> cases;
        try (Peer publisher = HOST.chromiumPublisher(agent().url + "/whip/" + stream, codec, PLAN.publisherSeconds())) {
            assertTrue(publisher.await("connected", CONNECT).isPresent(), "publisher connected; agent log:\n" + agent().logText());
            cases = new LossRun(HOST.loss(), "direct", codec, agent().url + "/whep/" + stream, PLAN.viewSeconds())
                    .watch(publisher, PLAN.percents());
        }
        PLAN.check(() -> Issue9Targets.assertMet(cases, PLAN.viewSeconds()));
    }

    private static AgentProcess agent() {
        return HOST.agent("lossy");
    }
}
