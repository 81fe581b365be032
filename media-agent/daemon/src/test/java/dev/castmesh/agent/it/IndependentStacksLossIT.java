package dev.castmesh.agent.it;

import dev.castmesh.gst.client.HttpSdpExchange;
import dev.castmesh.gst.client.VideoCodec;
import dev.castmesh.gst.client.WhepClient;
import dev.castmesh.gst.client.WhepOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #9 with viewers on other WebRTC stacks than Chromium's: Chromium publishes VP8 (as
 * {@code castmesh-loss-b}) to an agent (as {@code castmesh-loss-a}), and three viewers (as root) watch
 * at once, first on a clean path, then with 3 % lost on both media legs:
 * <ul>
 *   <li>werift ({@code werift-play.mjs --rtx --pli-on-freeze}): NACKs, takes RTX, asks for a key frame when its
 *   picture has stood still for 300 ms, as a player does. Its frames are those a decoder could have shown (it does
 *   not decode: complete, and a key frame or after a decodable frame), so a packet that stays lost costs every
 *   frame up to the next key frame, as in a real decoder;</li>
 *   <li>werift offering NACK but no RTX ({@code --pli-on-freeze} only). The agent can only retransmit on an RTX
 *   stream (webrtcbin has no plain-NACK retransmission), so this viewer gets no repair: what is honest to assert is
 *   that it still plays (key frames on its PLIs) and that the agent survives it;</li>
 *   <li>the project's own GStreamer client ({@link WhepClient}, the {@code castmesh play} client, decoding with
 *   {@code vp8dec}; webrtcbin NACKs and takes RTX).</li>
 * </ul>
 * Each viewer's frames at 3 % are compared with its own clean run: the repairing ones keep ≥ 75 % (83–100 % measured; 85 % failed once on a loaded host).
 */
class IndependentStacksLossIT {
    private static final LossPlan PLAN = LossPlan.read(BenchProperties.system(), List.of(0, 3), 15);
    private static final String STREAM = "stacks";
    private static final String WERIFT_RTX = "werift (NACK + RTX)";
    private static final String WERIFT_NACK = "werift (NACK, no RTX)";
    private static final String GSTREAMER = "castmesh play (webrtcbin)";
    private static final double REPAIRED_SHARE = 0.75;
    private static final Duration CONNECT = Duration.ofSeconds(30);

    @RegisterExtension
    static final LossyHost HOST = LossyHost.bothLegs("stacks");

    @Test
    void independentViewersDecodeMostFramesUnderLoss() throws Throwable {
        List<List<StackCase>> rounds = new ArrayList<>();
        try (Peer publisher = HOST.chromiumPublisher(agent().url + "/whip/" + STREAM, "VP8", PLAN.publisherSeconds())) {
            assertTrue(publisher.await("connected", CONNECT).isPresent(), "publisher connected; agent log:\n" + agent().logText());
            System.out.println(StackCase.header());
            for (int percent : PLAN.percents()) {
                List<StackCase> round = watch(percent);
                rounds.add(round);
                for (int i = 0; i < round.size(); i++) {
                    System.out.println(round.get(i).row(rounds.get(0).get(i)));
                }
            }
        } finally {
            HOST.loss().setLoss(0);
        }
        assertTrue(agent().alive(), "the agent survived; its log:\n" + agent().logText());
        PLAN.check(() -> assertRepairKeepsMostFrames(rounds));
    }

    /**
     * The three viewers side by side for {@link LossPlan#viewSeconds()} at {@code percent} % loss. They connect on a
     * clean path first: werift's DTLS handshake does not always survive loss (it once failed to connect at 3 %), and
     * what is measured here is repair, not connection set-up.
     */
    private static List<StackCase> watch(int percent) throws Exception {
        HOST.loss().setLoss(0);
        String whep = agent().url + "/whep/" + STREAM;
        String seconds = String.valueOf(PLAN.viewSeconds());
        try (Peer rtx = Peer.start("werift-play.mjs", whep, "--codec", "VP8", "--rtx", "--pli-on-freeze", "--duration", seconds);
             Peer nackOnly = Peer.start("werift-play.mjs", whep, "--codec", "VP8", "--pli-on-freeze", "--duration", seconds);
             WhepClient play = WhepClient.start(new HttpSdpExchange(URI.create(whep), Optional.empty(), TestAgent.TIMEOUT),
                     WhepOptions.decode().withVideoCodecs(List.of(VideoCodec.VP8)))) {
            assertTrue(play.awaitConnected(TestAgent.TIMEOUT), "the play client connected: " + play.error());
            assertTrue(rtx.await("connected", CONNECT).isPresent(), WERIFT_RTX + " connected");
            assertTrue(nackOnly.await("connected", CONNECT).isPresent(), WERIFT_NACK + " connected");
            HOST.loss().setLoss(percent);
            Thread.sleep(PLAN.viewSeconds() * 1000L);
            long played = play.videoFrames();
            Duration wait = Duration.ofSeconds(PLAN.viewSeconds() + 30);
            WeriftReport withRtx = WeriftReport.from(rtx.result(wait));
            WeriftReport withoutRtx = WeriftReport.from(nackOnly.result(wait));
            long dropped = HOST.loss().droppedPackets();
            return List.of(werift(WERIFT_RTX, percent, dropped, withRtx), werift(WERIFT_NACK, percent, dropped, withoutRtx),
                    new StackCase(GSTREAMER, percent, dropped, played, OptionalLong.empty(), OptionalLong.empty(),
                            OptionalLong.empty()));
        }
    }

    private static StackCase werift(String client, int percent, long dropped, WeriftReport r) {
        assertTrue(r.connected(), client + " connected");
        return new StackCase(client, percent, dropped, r.framesDecodable(), OptionalLong.of(r.latePackets()),
                OptionalLong.of(r.nackedPackets()), OptionalLong.of(r.plisOnFreeze()));
    }

    private static void assertRepairKeepsMostFrames(List<List<StackCase>> rounds) {
        List<StackCase> clean = rounds.get(0);
        List<Executable> checks = new ArrayList<>();
        for (StackCase c : clean) {
            checks.add(() -> assertTrue(c.frames() >= 10L * PLAN.viewSeconds(),
                    "harness: " + c.client() + " played only " + c.frames() + " frames on a clean path"));
        }
        for (List<StackCase> round : rounds.subList(1, rounds.size())) {
            for (int i = 0; i < round.size(); i++) {
                StackCase c = round.get(i);
                StackCase reference = clean.get(i);
                String at = c.client() + " at " + c.lossPercent() + " %: ";
                checks.add(() -> assertTrue(c.dropped() > 0, "harness: nothing dropped at " + c.lossPercent() + " %"));
                if (c.client().equals(WERIFT_NACK)) {
                    checks.add(() -> assertTrue(c.frames() > 0, at + "no decodable frame at all"));
                    continue;
                }
                checks.add(() -> assertTrue(c.share(reference) >= REPAIRED_SHARE, at + c.frames() + " frames, clean "
                        + reference.frames() + " (≥ " + Math.round(REPAIRED_SHARE * 100) + " %)"));
                c.repaired().ifPresent(late -> checks.add(() -> assertTrue(late > 0, at + "no retransmission arrived")));
            }
        }
        assertAll("independent stacks under loss", checks);
    }

    private static AgentProcess agent() {
        return HOST.agent("stacks");
    }
}
