package dev.castmesh.agent.it;

import dev.castmesh.gst.client.WhepClient;
import dev.castmesh.gst.client.WhipClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10 finding 6 on a real agent and real GStreamer: offers over the SDP limits (200 m-lines, 65 candidates,
 * 100 KB) get a 400 naming the limit before anything is built, {@code [strategy] max_streams} turns the next
 * publish of another stream into 503 {@code agent_full} (an already published one stays 409), and the agent keeps
 * serving: a publisher and a viewer still decode frames.
 */
class OfferLimitsIT {
    private static TestAgent agent;

    @BeforeAll
    static void start() {
        agent = TestAgent.start("""
                [strategy]
                max_streams = 1
                """);
    }

    @AfterAll
    static void stop() {
        agent.close();
    }

    /** A VP8 publish offer with {@code sections} m-lines, all bundled, and {@code candidates} host candidates. */
    static String offer(int sections, int candidates) {
        StringBuilder mids = new StringBuilder();
        for (int i = 0; i < sections; i++) {
            mids.append(' ').append(i);
        }
        StringBuilder sdp = new StringBuilder("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE" + mids + "\r\n"
                + "a=ice-ufrag:abcd\r\na=ice-pwd:abcdefghijklmnopqrstuvwx\r\n"
                + "a=fingerprint:sha-256 00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF\r\n");
        for (int i = 0; i < sections; i++) {
            sdp.append("m=video 9 UDP/TLS/RTP/SAVPF 96\r\nc=IN IP4 0.0.0.0\r\na=mid:").append(i)
                    .append("\r\na=sendonly\r\na=rtcp-mux\r\na=setup:actpass\r\na=rtpmap:96 VP8/90000\r\n");
            if (i == 0) {
                for (int c = 0; c < candidates; c++) {
                    sdp.append("a=candidate:").append(c).append(" 1 udp 2122260223 127.0.0.1 ").append(40000 + c)
                            .append(" typ host\r\n");
                }
            }
        }
        return sdp.toString();
    }

    private static HttpResponse<String> whip(String stream, String body) throws Exception {
        return agent.send(agent.request("/whip/" + stream).header("Content-Type", "application/sdp")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static void assertError(HttpResponse<String> response, int status, String code, String message) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"error\":\"" + code + "\""), response.body());
        assertTrue(response.body().contains(message), response.body());
    }

    @Test
    void offersOverTheLimitsAre400AndOneStreamFillsTheAgent() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> many = whip("many", offer(200, 0));
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        System.out.println("200 m-lines -> " + many.statusCode() + " in " + tookMs + " ms: " + many.body());
        assertError(many, 400, "bad_sdp", "the SDP offer has 200 media sections (m=); at most 8 are accepted");
        assertTrue(tookMs < 1_000, "took " + tookMs + " ms");
        assertError(whip("cands", offer(2, 65)), 400, "bad_sdp",
                "the SDP has 65 ICE candidates (a=candidate); at most 64 are accepted");
        assertError(whip("big", offer(2, 0) + "a=x-pad:" + "p".repeat(100 * 1024) + "\r\n"), 400, "bad_sdp",
                "the SDP offer is larger than 65536 bytes");
        assertEquals("[]", agent.send(agent.request("/api/streams")).body(), "nothing was built for the refused offers");

        try (WhipClient publisher = agent.publish("one");
             WhepClient viewer = agent.play("one")) {
            assertError(whip("two", offer(2, 0)), 503, "agent_full", "[strategy] max_streams");
            assertError(whip("one", offer(2, 0)), 409, "stream_already_published", "already has a publisher");
            long frames = Waits.framesDuring(viewer, Duration.ofSeconds(2));
            System.out.println("frames decoded in 2 s after the refused offers: " + frames);
            assertTrue(frames >= 30, "frames decoded in 2 s: " + frames);
        }
    }
}
