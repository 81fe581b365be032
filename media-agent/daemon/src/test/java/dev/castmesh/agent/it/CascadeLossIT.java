package dev.castmesh.agent.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #9 through a cascade: Chromium publishes VP8 to agent A, agent B pulls a copy ({@code POST
 * /api/cascade/{stream}} with A's WHEP URL) and a Chromium viewer plays it from B. Both agents run as
 * {@code castmesh-loss-a}, so every media leg loses its share on arrival: publisher → A, A → B (and B's
 * feedback to A), B → viewer. Repair checks like LossIT's ({@link Issue9Targets}) with a lower guard, against a clean run
 * through the same cascade. {@code ./castmesh bench loss --cascade} runs it with other shares ({@link LossPlan}).
 */
class CascadeLossIT {
    private static final LossPlan PLAN = LossPlan.read(BenchProperties.system(), List.of(0, 3), 20);
    private static final String STREAM = "cascade-loss";
    private static final Duration CONNECT = Duration.ofSeconds(30);

    @RegisterExtension
    static final LossyHost HOST = LossyHost.bothLegs("cascade-a", "cascade-b");

    @Test
    void viewerOfACascadedCopyHardlyNoticesLoss() throws Throwable {
        AgentProcess a = HOST.agent("cascade-a");
        AgentProcess b = HOST.agent("cascade-b");
        List<LossCase> cases;
        try (Peer publisher = HOST.chromiumPublisher(a.url + "/whip/" + STREAM, "VP8", PLAN.publisherSeconds())) {
            assertTrue(publisher.await("connected", CONNECT).isPresent(), "publisher connected; A's log:\n" + a.logText());
            pullCopy(a, b);
            cases = new LossRun(HOST.loss(), "cascade", "VP8", b.url + "/whep/" + STREAM, PLAN.viewSeconds())
                    .watch(publisher, PLAN.percents());
        }
        PLAN.check(() -> assertCascadeRepairs(cases));
    }

    /** B pulls A's stream; idleTimeout 0: the copy stays while viewers come and go between cases. */
    private static void pullCopy(AgentProcess a, AgentProcess b) throws Exception {
        String body = "{\"sourceUrl\":\"" + a.url + "/whep/" + STREAM + "\",\"idleTimeout\":0}";
        HttpResponse<String> pulled = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(b.url + "/api/cascade/" + STREAM)).timeout(Duration.ofSeconds(40))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, pulled.statusCode(), "cascade pull: " + pulled.body() + "\nB's log:\n" + b.logText());
    }

    /**
     * Issue #9's 3 % targets are NOT met through a cascade yet (2026-12-01: 97 of 369 clean frames, 15 s still): the
     * bridge depayloads and re-payloads, so a gap it could not repair becomes a corrupt frame with no gap downstream,
     * and B's viewer waits for a key frame (the bridge goes away with issue #11's direct feed). Until then this guards
     * that media and repair flow through the cascade under loss at all.
     */
    private static void assertCascadeRepairs(List<LossCase> cases) {
        LossCase clean = cases.get(0);
        assertTrue(clean.viewer().framesDecoded() >= 10L * PLAN.viewSeconds(),
                "harness: the clean cascade run decoded only " + clean.viewer().framesDecoded() + " frames");
        for (LossCase c : cases.subList(1, cases.size())) {
            assertTrue(c.dropped() > 0, "harness: nothing dropped at " + c.lossPercent() + " %");
            assertTrue(c.viewer().framesDecoded() >= 0.05 * clean.viewer().framesDecoded(),
                    "cascade at " + c.lossPercent() + " %: " + c.viewer().framesDecoded() + " frames decoded");
            assertTrue(c.viewer().retransmittedPacketsReceived() > 0,
                    "cascade at " + c.lossPercent() + " %: the viewer received no retransmission");
        }
    }
}
