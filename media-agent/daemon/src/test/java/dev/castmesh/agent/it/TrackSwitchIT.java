package dev.castmesh.agent.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castmesh.gst.client.WhepClient;
import dev.castmesh.gst.client.WhipClient;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.LongSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Liveman's {@code POST /session/{stream}/{session}} {@code {kind, enabled}} on a real agent: a decoding viewer's video
 * stops when switched off (its audio goes on), starts again when switched on, and a second viewer is not disturbed.
 */
class TrackSwitchIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static HttpResponse<String> post(TestAgent agent, String path, String body) throws Exception {
        return agent.send(agent.request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** How much {@code counter} grows in {@code during}. */
    private static long growth(LongSupplier counter, Duration during) throws InterruptedException {
        long before = counter.getAsLong();
        Thread.sleep(during.toMillis());
        return counter.getAsLong() - before;
    }

    private static String viewerSession(TestAgent agent, String stream, int index) throws Exception {
        return JSON.readTree(agent.send(agent.request("/api/streams/" + stream)).body()).get("viewers").get(index)
                .get("sessionId").asText();
    }

    @Test
    void aViewersVideoStopsAndStartsAndTheOtherViewerGoesOn() throws Exception {
        try (TestAgent agent = TestAgent.start("");
             WhipClient publisher = agent.publish("switch");
             WhepClient muted = agent.play("switch");
             WhepClient other = agent.play("switch")) {
            assertTrue(Waits.framesDuring(muted, Duration.ofSeconds(2)) > 10, "the viewer decodes video");
            String session = viewerSession(agent, "switch", 0);
            String path = "/session/switch/" + session;

            assertEquals(204, post(agent, path, "{\"kind\":\"video\",\"enabled\":false}").statusCode());
            Thread.sleep(500); // what was queued for it drains
            long frozen = growth(muted::videoFrames, Duration.ofSeconds(2));
            long otherFrames = growth(other::videoFrames, Duration.ofSeconds(1));
            long audio = growth(muted::audioBuffers, Duration.ofSeconds(1));
            assertTrue(frozen <= 2, "switched-off video still decoded: " + frozen + " frames in 2 s");
            assertTrue(otherFrames > 5, "the other viewer froze too: " + otherFrames);
            assertTrue(audio > 5, "its audio stopped too: " + audio);

            assertEquals(204, post(agent, path, "{\"kind\":\"video\",\"enabled\":true}").statusCode());
            assertTrue(growth(muted::videoFrames, Duration.ofSeconds(4)) > 10, "video did not come back");

            HttpResponse<String> bad = post(agent, path, "{\"kind\":\"screen\",\"enabled\":true}");
            assertEquals(400, bad.statusCode());
            assertEquals("{\"error\":\"bad_request\",\"message\":\"kind: must be \\\"audio\\\" or \\\"video\\\"\"}", bad.body());
            assertEquals(400, post(agent, path, "{\"kind\":\"audio\"}").statusCode());
            assertEquals(400, post(agent, path, "not json").statusCode());
            assertEquals(404, post(agent, "/session/switch/nope", "{\"kind\":\"audio\",\"enabled\":false}").statusCode());
            String publisherSession = JSON.readTree(agent.send(agent.request("/api/streams/switch")).body())
                    .get("publisher").get("sessionId").asText();
            assertEquals(400, post(agent, "/session/switch/" + publisherSession, "{\"kind\":\"audio\",\"enabled\":false}")
                    .statusCode(), "a publisher's tracks are not switched");
        }
    }
}
