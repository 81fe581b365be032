package dev.castmesh.controlplane.auth;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The security filter in front of real controllers (the fixtures), without the probe. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FixtureRoutesTest {
    private static final String SECRET = "fixture-secret-".repeat(3);
    private static final String STATIC_TOKEN = "static-token-fixtures";
    private TestServer server;

    @BeforeAll
    void start() {
        server = TestServer.start("[auth]\nsecret = \"" + SECRET + "\"\ntokens = [\"" + STATIC_TOKEN + "\"]\n", TestServer.FIXTURES);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private static String token(String id, int mode) {
        return TestTokens.hs256(SECRET, id, mode, Duration.ofMinutes(5));
    }

    private HttpResponse<String> whip(String path, String token) {
        MutableHttpRequest<String> request = HttpRequest.POST(path, "v=0\r\n").contentType(MediaType.of("application/sdp"));
        return server.exchange(token == null ? request : request.bearerAuth(token));
    }

    @Test
    void allowedRequestsReachTheController() {
        // The real controllers answer (no media node is registered here): the requests got past security.
        HttpResponse<String> response = whip("/whip/cam-1", token("cam-1", 2));
        assertEquals(503, response.code());
        assertEquals("{\"error\":\"no_node_available\",\"message\":\"no media node is online\"}",
                response.getBody(String.class).orElseThrow());
        HttpResponse<String> none = server.exchange(HttpRequest.GET("/api/streams/cam-1").bearerAuth(token("cam-1", 1)));
        assertEquals(200, none.code());
        assertEquals("{}", none.getBody(String.class).orElseThrow());
    }

    @Test
    void refusedRequestsDoNot() {
        assertEquals(403, whip("/whip/cam-2", token("cam-1", 2)).code());
        assertEquals(403, whip("/whip/cam-1", token("cam-1", 4)).code());
        assertEquals(401, whip("/whip/cam-1", null).code());
        assertEquals(403, server.exchange(HttpRequest.GET("/api/streams/cam-1").bearerAuth(token("cam-1", 6))).code());
    }

    @Test
    void percentEncodedStreamNamesAreJudgedAsTheControllerSeesThem() {
        assertEquals(503, whip("/whip/cam%2D1", token("cam-1", 2)).code());
        HttpResponse<String> response = server.exchange(HttpRequest.GET("/api/streams/cam%2D1").bearerAuth(token("cam-1", 1)));
        // allowed for cam-1 (judged on the decoded name) and answered for a valid name: Liveman's {} for no node
        assertEquals(200, response.code());
        assertEquals("{}", response.getBody(String.class).orElseThrow());
        assertEquals(403, whip("/whip/cam-1%2F..%2Fcam-2", token("cam-1", 2)).code());
        assertEquals(403, whip("/whip/cam%2D2", token("cam-1", 2)).code());
    }

    @Test
    void aRouteWithoutARowIsClosedToEveryToken() {
        MutableHttpRequest<Object> put = HttpRequest.PUT("/api/fixture/unlisted", (Object) "{}");
        assertEquals(401, server.exchange(put).code());
        HttpResponse<String> refused = server.exchange(HttpRequest.PUT("/api/fixture/unlisted", "{}").bearerAuth(STATIC_TOKEN));
        assertEquals(403, refused.code());
        assertTrue(refused.getBody(String.class).orElseThrow().contains("no row in the rights table"));
    }

    @Test
    void unknownRoutesAreNotFoundWithOrWithoutToken() {
        assertEquals(404, server.exchange(HttpRequest.GET("/no/such/route")).code());
        assertEquals(404, server.exchange(HttpRequest.GET("/no/such/route").bearerAuth("garbage")).code());
        assertEquals(404, server.exchange(HttpRequest.GET("/no/such/route").bearerAuth(STATIC_TOKEN)).code());
        // A wrong method on a known path is the usual 405, before any credential is asked for.
        assertEquals(405, server.exchange(HttpRequest.GET("/whip/cam-1")).code());
    }

    @Test
    void tableRoutesWithoutControllerAskForCredentialsFirst() {
        // A caller learns nothing about /api/record/{stream} without the right token; with it: no node publishes it.
        assertEquals(401, server.exchange(HttpRequest.GET("/api/record/cam-1")).code());
        assertEquals(403, server.exchange(HttpRequest.GET("/api/record/cam-1").bearerAuth(token("*", 6))).code());
        assertEquals(404, server.exchange(HttpRequest.GET("/api/record/cam-1").bearerAuth(STATIC_TOKEN)).code());
    }

    @Test
    void healthIsPublic() {
        assertEquals(200, server.exchange(HttpRequest.GET("/health")).code());
        assertEquals(200, server.exchange(HttpRequest.GET("/health").bearerAuth("garbage")).code());
    }

    @Test
    void errorsAreJsonWithoutStackTraces() {
        HttpResponse<String> response = whip("/whip/cam-2", token("cam-1", 2));
        assertEquals("application/json", response.getContentType().orElseThrow().getName());
        assertEquals("{\"error\":\"forbidden\",\"message\":\"the token does not grant publish on stream 'cam-2'\"}",
                response.getBody(String.class).orElseThrow());
        HttpResponse<String> missing = whip("/whip/cam-1", null);
        assertEquals("{\"error\":\"unauthorized\",\"message\":\"this route needs a bearer token granting publish on stream 'cam-1'\"}",
                missing.getBody(String.class).orElseThrow());
        assertEquals("Bearer realm=\"castmesh\"", missing.header("WWW-Authenticate"));
        HttpResponse<String> invalid = whip("/whip/cam-1", "garbage");
        assertEquals("{\"error\":\"unauthorized\",\"message\":\"the bearer token is invalid or expired\"}",
                invalid.getBody(String.class).orElseThrow());
        assertEquals("Bearer realm=\"castmesh\", error=\"invalid_token\"", invalid.header("WWW-Authenticate"));
    }
}
