package dev.castmesh.agent.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castmesh.api.ice.IceLinkHeaders;
import dev.castmesh.api.ice.IceServer;
import dev.castmesh.gst.client.PublishSource;
import dev.castmesh.gst.client.VideoCodec;
import dev.castmesh.gst.client.WhepClient;
import dev.castmesh.gst.client.WhepOptions;
import dev.castmesh.gst.client.WhipClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The WHIP/WHEP resource contract (RFC 9725) and the streams API, through the real server with real media. */
class SignalingIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestAgent agent;

    @BeforeAll
    static void start() {
        agent = TestAgent.start("""
                [[ice_servers]]
                urls = ["stun:127.0.0.1:3478"]
                [[ice_servers]]
                urls = ["turn:127.0.0.1:3478?transport=udp"]
                username = "user"
                credential = "pass"
                [strategy]
                each_stream_max_sub = 2
                """);
    }

    @AfterAll
    static void stop() {
        agent.close();
    }

    @Test
    void sessionResourceAndStreamsApi() throws Exception {
        RecordingExchange whip = new RecordingExchange(agent.url + "/whip/sig", Optional.empty());
        try (WhipClient publisher = WhipClient.start(PublishSource.test(VideoCodec.VP8).withVideo(320, 240, 30, 300),
                whip, List.of(), TestAgent.TIMEOUT)) {
            assertTrue(publisher.awaitConnected(TestAgent.TIMEOUT));
            assertEquals(201, whip.response.statusCode());
            assertTrue(whip.location().matches("/session/sig/[A-Za-z0-9_-]+"), whip.location());
            assertTrue(whip.etag().startsWith("\""), whip.etag());
            assertEquals(List.of("application/trickle-ice-sdpfrag"), whip.header("Accept-Patch"));
            assertEquals("application/sdp", whip.header("Content-Type").get(0));
            List<IceServer> links = IceLinkHeaders.parse(whip.header("Link"));
            assertEquals(2, links.size(), whip.header("Link").toString());
            assertEquals("user", links.get(1).username());

            RecordingExchange whep = new RecordingExchange(agent.url + "/whep/sig", Optional.empty());
            try (WhepClient viewer = WhepClient.start(whep, WhepOptions.decode())) {
                assertTrue(viewer.awaitConnected(TestAgent.TIMEOUT));
                assertTrue(Waits.framesDuring(viewer, Duration.ofSeconds(1)) > 10, "viewer decodes");
                patchChecks(whep);

                Thread.sleep(1500); // one stats interval for the bitrates
                JsonNode stream = JSON.readTree(agent.send(agent.request("/api/streams/sig").GET()).body());
                System.out.println("GET /api/streams/sig: " + stream);
                assertEquals("CONNECTED", stream.path("publisher").path("state").asText());
                assertTrue(stream.path("publisher").path("codecs").toString().contains("VP8"));
                assertTrue(stream.path("bitrateInBps").asLong() > 0, "bitrateInBps");
                assertEquals(1, stream.path("viewers").size());
                assertTrue(stream.path("viewers").get(0).path("bytesSent").asLong() > 0, "bytesSent");
                assertTrue(stream.path("bitrateOutBps").asLong() > 0, "bitrateOutBps");
                JsonNode all = JSON.readTree(agent.send(agent.request("/api/streams").GET()).body());
                assertEquals(1, all.size());

                String metrics = agent.send(agent.request("/metrics").GET()).body();
                assertTrue(metrics.contains("castmesh_agent_streams 1.0"), metrics);
                assertTrue(metrics.contains("castmesh_agent_viewers 1.0"), "viewers gauge");
                assertEquals(200, agent.send(agent.request("/health").GET()).statusCode());

                capacity();

                HttpResponse<String> deleted = agent.send(agent.request(whep.location()).DELETE());
                assertEquals(200, deleted.statusCode());
                assertEquals(404, agent.send(agent.request(whep.location()).DELETE()).statusCode(), "second DELETE");
                Waits.until(() -> viewer.videoFrames() > 0 && !"CONNECTED".equals(viewer.state())
                        || agent.context.getBean(dev.castmesh.gst.hub.MediaEngine.class).stream("sig").orElseThrow().viewers().isEmpty(),
                        Duration.ofSeconds(5), "viewer session gone");
            }
            // DELETE of the publisher's session ends the stream.
            assertEquals(200, agent.send(agent.request(whip.location()).DELETE()).statusCode());
            assertEquals(404, agent.send(agent.request("/api/streams/sig").GET()).statusCode());
        }
    }

    private void patchChecks(RecordingExchange whep) throws Exception {
        String mid = firstMatch("a=mid:(\\S+)", whep.offer);
        String ufrag = firstMatch("a=ice-ufrag:(\\S+)", whep.offer);
        String pwd = firstMatch("a=ice-pwd:(\\S+)", whep.offer);
        String trickle = "a=ice-ufrag:" + ufrag + "\r\na=ice-pwd:" + pwd + "\r\nm=video 9 UDP/TLS/RTP/SAVPF 0\r\na=mid:" + mid
                + "\r\na=candidate:9 1 udp 2130706431 127.0.0.1 9 typ host\r\na=end-of-candidates\r\n";
        assertEquals(204, patch(whep.location(), whep.etag(), trickle).statusCode(), "trickle with the right ETag");
        assertEquals(204, patch(whep.location(), null, trickle).statusCode(), "trickle without If-Match");
        HttpResponse<String> stale = patch(whep.location(), "\"stale\"", trickle);
        assertEquals(412, stale.statusCode(), stale.body());
        HttpResponse<String> restart = patch(whep.location(), "*", trickle.replace(ufrag, "newufrag").replace(pwd, "newpassword0123456789012"));
        assertEquals(422, restart.statusCode(), restart.body());
        assertTrue(restart.body().contains("ICE restart is not supported; start a new session"), restart.body());
        HttpResponse<String> restartNoStar = patch(whep.location(), whep.etag(), trickle.replace(ufrag, "newufrag"));
        assertEquals(422, restartNoStar.statusCode(), restartNoStar.body());
        HttpResponse<String> wrongType = agent.send(agent.request(whep.location()).header("Content-Type", "application/sdp")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(trickle)));
        assertEquals(415, wrongType.statusCode(), wrongType.body());
    }

    private void capacity() throws Exception {
        // each_stream_max_sub = 2: one viewer is playing, a second fits, the third gets 503 JSON.
        try (WhepClient second = agent.play("sig")) {
            RecordingExchange third = new RecordingExchange(agent.url + "/whep/sig", Optional.empty());
            try (WhepClient refused = WhepClient.start(third, WhepOptions.decode())) {
                throw new AssertionError("a third viewer was admitted");
            } catch (dev.castmesh.gst.client.HttpStatusException e) {
                assertEquals(503, third.response.statusCode());
                assertTrue(third.response.body().contains("each_stream_max_sub"), third.response.body());
            }
            // Another agent's cascade pull is not a viewer: admitted while the stream is full.
            RecordingExchange pull = new RecordingExchange(agent.url + "/whep/sig?cascadeTo=agent-x", Optional.empty());
            try (WhepClient cascade = WhepClient.start(pull, WhepOptions.decode())) {
                assertEquals(201, pull.response.statusCode(), pull.response.body());
                assertTrue(Waits.framesDuring(cascade, Duration.ofSeconds(1)) > 10, "the cascade pull decodes");
                assertEquals(200, agent.send(agent.request(pull.location()).DELETE()).statusCode());
            }
            RecordingExchange badAlias = new RecordingExchange(agent.url + "/whep/sig?cascadeTo=a%20b", Optional.empty());
            try (WhepClient refused = WhepClient.start(badAlias, WhepOptions.decode())) {
                throw new AssertionError("a bad cascadeTo was admitted");
            } catch (dev.castmesh.gst.client.HttpStatusException e) {
                assertEquals(400, badAlias.response.statusCode());
                assertTrue(badAlias.response.body().contains("cascadeTo"), badAlias.response.body());
            }
        }
    }

    private HttpResponse<String> patch(String location, String ifMatch, String body) throws Exception {
        HttpRequest.Builder request = agent.request(location).header("Content-Type", "application/trickle-ice-sdpfrag")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return agent.send(request);
    }

    private static String firstMatch(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), regex);
        return m.group(1);
    }
}
