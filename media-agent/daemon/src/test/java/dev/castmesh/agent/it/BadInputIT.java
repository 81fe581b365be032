package dev.castmesh.agent.it;

import dev.castmesh.gst.client.WhepClient;
import dev.castmesh.gst.client.WhipClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each bad request gets its 4xx and a JSON message; afterwards a normal publish and play still decode frames. */
class BadInputIT {
    private static final String VIDEO_ONLY_H265 = """
            v=0\r
            o=- 1 1 IN IP4 127.0.0.1\r
            s=-\r
            t=0 0\r
            a=group:BUNDLE 0\r
            m=video 9 UDP/TLS/RTP/SAVPF 100\r
            c=IN IP4 0.0.0.0\r
            a=mid:0\r
            a=sendonly\r
            a=rtcp-mux\r
            a=ice-ufrag:abcd\r
            a=ice-pwd:abcdefghijklmnopqrstuvwx\r
            a=fingerprint:sha-256 00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF\r
            a=setup:actpass\r
            a=rtpmap:100 H265/90000\r
            """;
    private static final String NO_MEDIA = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";

    private static TestAgent agent;

    @BeforeAll
    static void start() {
        agent = TestAgent.start("");
    }

    @AfterAll
    static void stop() {
        agent.close();
    }

    private record Case(String what, String method, String path, String contentType, String body, int status, String messagePart) {
    }

    @Test
    void badRequestsGetJsonErrorsAndTheAgentKeepsServing() throws Exception {
        String big = "v=0\r\n" + "a=x".repeat(1024 * 1024 / 3);
        List<Case> cases = List.of(
                new Case("empty body", "POST", "/whip/bad", "application/sdp", "", 400, "body is empty"),
                new Case("wrong content type", "POST", "/whip/bad", "text/plain", NO_MEDIA, 415, "application/sdp"),
                new Case("json content type", "POST", "/whep/bad", "application/json", "{}", 415, "application/sdp"),
                new Case("no media", "POST", "/whip/bad", "application/sdp", NO_MEDIA, 400, ""),
                new Case("only unsupported codecs", "POST", "/whip/bad", "application/sdp", VIDEO_ONLY_H265, 422, "VP8"),
                new Case("1 MB body", "POST", "/whip/bad", "application/sdp", big, 413, "too large"),
                new Case("slash in name", "POST", "/whip/a/b", "application/sdp", NO_MEDIA, 400, "invalid stream name"),
                new Case("encoded slash", "POST", "/whip/a%2Fb", "application/sdp", NO_MEDIA, 400, "invalid stream name"),
                new Case("dot dot", "POST", "/whip/..", "application/sdp", NO_MEDIA, 400, "invalid stream name"),
                new Case("space", "POST", "/whip/a%20b", "application/sdp", NO_MEDIA, 400, "invalid stream name"),
                new Case("control character", "POST", "/whep/a%01b", "application/sdp", NO_MEDIA, 400, "invalid stream name"),
                new Case("129 characters", "POST", "/whip/" + "x".repeat(129), "application/sdp", NO_MEDIA, 400, "invalid stream name"),
                new Case("whep without publisher", "POST", "/whep/nobody", "application/sdp", NO_MEDIA, 404, "nobody"),
                new Case("unknown session", "DELETE", "/session/bad/nosuch", null, null, 404, "nosuch"),
                new Case("unknown stream", "GET", "/api/streams/nobody", null, null, 404, "nobody"));
        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            HttpRequest.Builder request = agent.request(c.path);
            if (c.contentType != null) {
                request.header("Content-Type", c.contentType);
            }
            request.method(c.method, c.body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(c.body));
            HttpResponse<String> response;
            try {
                response = agent.send(request);
            } catch (java.io.IOException e) {
                failures.add(c.what + ": connection failed (" + e + ")");
                continue;
            }
            String body = response.body();
            String type = response.headers().firstValue("Content-Type").orElse("");
            System.out.printf("%-24s -> %d %s%n", c.what, response.statusCode(), body);
            if (response.statusCode() != c.status || !type.startsWith("application/json")
                    || !body.contains("\"error\"") || !body.contains("\"message\"") || !body.contains(c.messagePart)) {
                failures.add(c.what + ": got " + response.statusCode() + " " + type + " " + body);
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));

        try (WhipClient publisher = agent.publish("good");
             WhepClient viewer = agent.play("good")) {
            long frames = Waits.framesDuring(viewer, Duration.ofSeconds(2));
            System.out.println("frames decoded in 2 s after the bad requests: " + frames);
            assertTrue(frames >= 30, "frames decoded in 2 s: " + frames);
            HttpResponse<String> second = agent.send(agent.request("/whip/good").header("Content-Type", "application/sdp")
                    .POST(HttpRequest.BodyPublishers.ofString(VIDEO_ONLY_H265.replace("H265", "VP8"))));
            assertEquals(409, second.statusCode(), second.body());
        }
    }
}
