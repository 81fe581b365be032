package dev.castmesh.controlplane.auth;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Browser WHIP/WHEP clients send a CORS preflight without credentials: Micronaut's CORS filter answers it
 * before security, so it must not get a 401. (CORS itself is switched on here by a system property; the
 * control plane maps {@code [http] cors} elsewhere.)
 */
class CorsPreflightTest {
    private static final String ORIGIN = "http://localhost:3000";

    @Test
    void preflightIsNotAskedForCredentials() {
        System.setProperty("micronaut.server.cors.enabled", "true");
        try (TestServer server = TestServer.start("[auth]\ntokens = [\"cors-token\"]\n", TestServer.FIXTURES)) {
            HttpResponse<String> preflight = server.exchange(HttpRequest.create(HttpMethod.OPTIONS, "/whip/cam-1")
                    .header("Origin", ORIGIN).header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "authorization,content-type"));
            assertEquals(200, preflight.code());
            assertEquals(ORIGIN, preflight.header("Access-Control-Allow-Origin"));

            HttpResponse<String> post = server.exchange(HttpRequest.POST("/whip/cam-1", "v=0").contentType("application/sdp")
                    .header("Origin", ORIGIN));
            assertEquals(401, post.code());
            assertEquals(ORIGIN, post.header("Access-Control-Allow-Origin"));
            // Past security, the real WHIP proxy answers: no media node is registered in this test.
            assertEquals(503, server.exchange(HttpRequest.POST("/whip/cam-1", "v=0").contentType("application/sdp")
                    .header("Origin", ORIGIN).bearerAuth("cors-token")).code());
        } finally {
            System.clearProperty("micronaut.server.cors.enabled");
        }
    }
}
