package dev.castmesh.controlplane.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code POST /api/login} on a real server. Stays below the failure limit; {@link LoginRateLimitTest} goes beyond it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginTest {
    private static final String BCRYPT_PASSWORD = "correct horse battery staple";
    private TestServer server;

    @BeforeAll
    void start() {
        String hash = BCrypt.with(BCrypt.Version.VERSION_2B).hashToString(4, BCRYPT_PASSWORD.toCharArray());
        server = TestServer.start("[auth]\nsecret = \"" + "login-secret-".repeat(3) + "\"\n"
                + "[[auth.accounts]]\nusername = \"live777\"\npassword = \"live777\"\n"
                + "[[auth.accounts]]\nusername = \"ops\"\npassword = \"" + hash + "\"\n");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private HttpResponse<String> login(String body) {
        return server.exchange(HttpRequest.POST("/api/login", body).contentType(MediaType.APPLICATION_JSON_TYPE));
    }

    private static String token(HttpResponse<String> response) {
        String body = response.getBody(String.class).orElseThrow();
        return TestTokens.fromAnswer(body);
    }

    @Test
    void plainAccountGetsAFullRightsTokenForADay() {
        HttpResponse<String> response = login("{\"username\":\"live777\",\"password\":\"live777\"}");
        assertEquals(200, response.code());
        assertEquals("no-store", response.header("Cache-Control"));
        String token = token(response);
        dev.castmesh.controlplane.testing.LivemanShape.of("login").check(response.getBody(String.class).orElseThrow());
        assertEquals("{\"alg\":\"HS256\"}", TestTokens.header(token));
        Map<String, Object> claims = TestTokens.payload(token);
        assertEquals("*", claims.get("id"));
        assertEquals(7L, ((Number) claims.get("mode")).longValue());
        long exp = ((Number) claims.get("exp")).longValue();
        long expected = Instant.now().plusSeconds(24 * 3600).getEpochSecond();
        assertTrue(Math.abs(exp - expected) < 10, "exp " + exp + " vs " + expected);
        assertEquals(Map.of("id", "*", "mode", 7L, "exp", exp), claims);
    }

    @Test
    void loginTokenOpensAdminRoutes() {
        String token = token(login("{\"username\":\"live777\",\"password\":\"live777\"}"));
        HttpResponse<String> minted = server.exchange(HttpRequest.POST("/api/token", "{\"id\":\"cam-1\",\"mode\":4}").bearerAuth(token));
        assertEquals(200, minted.code());
    }

    @Test
    void bcryptAccount() {
        assertEquals(200, login("{\"username\":\"ops\",\"password\":\"" + BCRYPT_PASSWORD + "\"}").code());
    }

    @Test
    void wrongCredentialsAre401() {
        HttpResponse<String> response = login("{\"username\":\"live777\",\"password\":\"nope\"}");
        assertEquals(401, response.code());
        assertEquals("{\"error\":\"unauthorized\",\"message\":\"wrong username or password\"}", response.getBody(String.class).orElseThrow());
        assertEquals("Bearer realm=\"castmesh\"", response.header("WWW-Authenticate"));
        assertEquals(401, login("{\"username\":\"nobody\",\"password\":\"live777\"}").code());
    }

    @Test
    void badBodiesAre400WithoutEchoingThem() {
        for (String body : new String[]{"not json with secret-pw-123", "{\"username\":\"live777\"}", "[]", "{\"password\":\"secret-pw-123\""}) {
            HttpResponse<String> response = login(body);
            assertEquals(400, response.code(), body);
            String text = response.getBody(String.class).orElseThrow();
            assertTrue(text.startsWith("{\"error\":\"bad_request\""), text);
            assertFalse(text.contains("secret-pw-123"), text);
        }
        assertEquals(400, server.exchange(HttpRequest.POST("/api/login", "").contentType(MediaType.APPLICATION_JSON_TYPE)).code());
    }
}
