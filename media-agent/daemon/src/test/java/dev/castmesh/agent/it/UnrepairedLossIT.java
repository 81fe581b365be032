package dev.castmesh.agent.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #9, "key frames are requested when repair fails": a Chromium publisher (VP8, as {@code castmesh-loss-b})
 * alone on an agent whose loss repair is off, so every packet lost on the publisher → agent leg is lost for good.
 * Nobody watches, so nobody else asks for key frames: the key-frame requests the publisher receives are the agent's
 * own. On a clean path for {@value #PHASE_SECONDS} s it asks for (next to) none; with {@value #LOSS_PERCENT} % of
 * the publisher's packets lost it asks as the losses come (at most two a second, its rate limit) instead of leaving
 * every viewer frozen until that viewer's own repair gives up and asks.
 *
 * <p>The fake camera sends only ~20–30 video packets a second, so {@value #PHASE_SECONDS} s at
 * {@value #LOSS_PERCENT} % lose ~20 of them: at least {@value #MIN_REQUESTS_UNDER_LOSS} requests leaves room for
 * losses that fall into one rate-limit window.
 */
class UnrepairedLossIT {
    private static final int PHASE_SECONDS = 10;
    private static final int LOSS_PERCENT = 10;
    private static final int MIN_REQUESTS_UNDER_LOSS = 5;
    private static final int MAX_REQUESTS_CLEAN = 1;
    private static final Duration CONNECT = Duration.ofSeconds(30);
    /** The publisher script prints its counters about once a second. */
    private static final Duration SETTLE = Duration.ofMillis(2500);

    @RegisterExtension
    static final LossyHost HOST = LossyHost.publisherLegOnly("unrepaired").withAgentConfig("[media]\nloss_repair = false\n");

    @Test
    void agentAsksForAKeyFrameWhenAPacketIsLostForGood() throws Exception {
        AgentProcess agent = HOST.agent("unrepaired");
        long clean;
        long lossy;
        long dropped;
        try (Peer publisher = HOST.chromiumPublisher(agent.url + "/whip/unrepaired", "VP8", 3 * PHASE_SECONDS + 30)) {
            assertTrue(publisher.await("connected", CONNECT).isPresent(), "publisher connected; agent log:\n" + agent.logText());
            Thread.sleep(SETTLE.toMillis()); // the first key frame and its request are behind us
            long start = keyframeRequests(publisher);
            Thread.sleep(PHASE_SECONDS * 1000L);
            long cleanEnd = keyframeRequests(publisher);
            HOST.loss().setLoss(LOSS_PERCENT);
            try {
                Thread.sleep(PHASE_SECONDS * 1000L);
                dropped = HOST.loss().droppedPackets();
            } finally {
                HOST.loss().setLoss(0);
            }
            Thread.sleep(SETTLE.toMillis());
            clean = cleanEnd - start;
            lossy = keyframeRequests(publisher) - cleanEnd;
        }
        System.out.printf("key-frame requests the publisher received, no viewer, agent without NACK: %d in %d s clean,"
                + " %d in %d s at %d %% (%d packets dropped)%n", clean, PHASE_SECONDS, lossy, PHASE_SECONDS, LOSS_PERCENT, dropped);
        long droppedPackets = dropped;
        long lossyRequests = lossy;
        long cleanRequests = clean;
        assertAll("key frames on unrepaired loss",
                () -> assertTrue(droppedPackets > 0, "nftables dropped nothing"),
                () -> assertTrue(cleanRequests <= MAX_REQUESTS_CLEAN, cleanRequests + " requests on a clean path with no viewer"),
                () -> assertTrue(lossyRequests >= MIN_REQUESTS_UNDER_LOSS, "only " + lossyRequests + " requests while "
                        + droppedPackets + " packets were lost for good (≥ " + MIN_REQUESTS_UNDER_LOSS + ")"));
    }

    /** PLIs and FIRs the publisher's video sender has received, as of its latest progress line. */
    private static long keyframeRequests(Peer publisher) {
        List<JsonNode> progress = publisher.events("progress");
        if (progress.isEmpty()) {
            throw new AssertionError("the publisher printed no progress");
        }
        JsonNode video = progress.get(progress.size() - 1).path("video");
        return video.path("pli_received").asLong() + video.path("fir_received").asLong();
    }
}
