package dev.castmesh.gst.it;

import dev.castmesh.gst.client.VideoCodec;
import dev.castmesh.gst.client.WhepClient;
import dev.castmesh.gst.client.WhepOptions;
import dev.castmesh.gst.client.WhipClient;
import dev.castmesh.gst.sdp.SdpParser;
import dev.castmesh.gst.sdp.SessionDescription;
import dev.castmesh.gst.sdp.SsrcDeclaration;
import dev.castmesh.gst.hub.EngineOptions;
import dev.castmesh.gst.hub.MediaEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A werift WHEP viewer (written by others) demultiplexes the engine's BUNDLEd RTP by SSRC: the answer
 * must declare the SSRC it will receive, since the engine negotiates no MID header extension.
 */
class WeriftViewerIT {
    private static final String TOKEN = "werift-token";
    private static MediaEngine engine;
    private static AutoCloseable server;

    @BeforeAll
    static void start() throws Exception {
        engine = MediaEngine.start(EngineOptions.defaults());
        server = TestServers.whipWhep(engine, TOKEN);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        engine.close();
    }

    @Test
    void weriftViewersReceiveVp8AndAKeyframe() throws Exception {
        EngineExchange publishing = EngineExchange.whip(engine, "werift");
        try (WhipClient publisher = Media.publish(engine, publishing, Media.smallSource(VideoCodec.VP8))) {
            long publisherVideo = SsrcDeclaration.primarySsrc(SdpParser.parse(publishing.lastOffer()), 0).orElseThrow();
            // media flowing for a while: webrtcbin 1.22 then often left a=ssrc out of its answers
            Thread.sleep(1500);
            int answersBefore = TestServers.viewerAnswers(server).size();
            List<NodePeer> viewers = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    viewers.add(NodePeer.start("werift-play.mjs", TestServers.url(server, "/whep/werift"),
                            "--token", TOKEN, "--codec", "VP8", "--duration", "5"));
                }
                for (NodePeer viewer : viewers) {
                    String result = viewer.result(Duration.ofSeconds(30)).orElseThrow(() -> new AssertionError(
                            "werift-play gave no result: " + viewer.lines() + "\n" + viewer.stderr()));
                    System.out.println("werift-play: " + result);
                    long packets = NodePeer.number(result, "video", "packets");
                    long keyframes = NodePeer.number(result, "", "keyframes");
                    assertTrue(result.contains("\"connected\":true"), result);
                    assertTrue(packets >= 50, "VP8 RTP packets received by werift: " + packets);
                    assertTrue(keyframes >= 1, "VP8 keyframes received by werift: " + keyframes);
                    long keyframeAfterFirstRtp = NodePeer.number(result, "video", "ms_to_first_keyframe")
                            - NodePeer.number(result, "video", "ms_to_first_rtp");
                    assertTrue(keyframeAfterFirstRtp < 1000, "first keyframe within 1 s of the first packet: " + result);
                }
            } finally {
                viewers.forEach(NodePeer::close);
            }
            List<String> answers = TestServers.viewerAnswers(server);
            assertEquals(answersBefore + 3, answers.size());
            for (String answer : answers.subList(answersBefore, answers.size())) {
                assertEquals(publisherVideo, SsrcDeclaration.primarySsrc(SdpParser.parse(answer), 0).orElse(-1),
                        "the answer declares the publisher's video SSRC:\n" + answer);
                assertTrue(SsrcDeclaration.primarySsrc(SdpParser.parse(answer), 1).isPresent(),
                        "the answer declares the audio SSRC:\n" + answer);
            }
        }
    }

    @Test
    void answersDeclareTheSsrcOnTheDirectAndTheRePayloadPath() throws Exception {
        EngineExchange publishing = EngineExchange.whip(engine, "ssrc");
        try (WhipClient publisher = Media.publish(engine, publishing, Media.smallSource(VideoCodec.VP8))) {
            Thread.sleep(1000);
            EngineExchange direct = EngineExchange.whep(engine, "ssrc");
            EngineExchange repay = EngineExchange.whep(engine, "ssrc");
            try (WhepClient a = Media.view(direct, WhepOptions.decode());
                 WhepClient b = Media.view(repay, WhepOptions.decode().withPayloadTypes(100, 120, 109))) {
                Media.framesDuring(Duration.ofMillis(500), a, b);
                SessionDescription offer = SdpParser.parse(publishing.lastOffer());
                long publisherVideo = SsrcDeclaration.primarySsrc(offer, 0).orElseThrow();
                SessionDescription directAnswer = SdpParser.parse(direct.lastAnswer());
                SessionDescription repayAnswer = SdpParser.parse(repay.lastAnswer());
                assertEquals(publisherVideo, SsrcDeclaration.primarySsrc(directAnswer, 0).orElseThrow(),
                        "the direct path forwards the publisher's SSRC:\n" + direct.lastAnswer());
                long repayVideo = SsrcDeclaration.primarySsrc(repayAnswer, 0).orElseThrow();
                assertNotEquals(publisherVideo, repayVideo, "the re-payloader has its own SSRC");
                assertTrue(SsrcDeclaration.primarySsrc(repayAnswer, 1).isPresent(), repay.lastAnswer());
                assertTrue(repay.lastAnswer().contains("a=ssrc:" + repayVideo + " cname:"), repay.lastAnswer());
            }
        }
    }
}
