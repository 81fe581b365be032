package dev.castmesh.controlplane.auth;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 10 finding 13: {@code GET /health} on a real server shows its details (database…) to admins only. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HealthDetailsTest {
    private static final String SECRET = "health-secret-".repeat(3);
    private static final String ADMIN = "static-token-health";
    private TestServer server;

    @BeforeAll
    void start() {
        server = TestServer.start("[auth]\nsecret = \"" + SECRET + "\"\ntokens = [\"" + ADMIN + "\"]\n");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private String health(String bearer) {
        io.micronaut.http.MutableHttpRequest<?> request = HttpRequest.GET("/health");
        HttpResponse<String> response = server.exchange(bearer == null ? request : request.bearerAuth(bearer));
        assertEquals(200, response.code());
        return response.getBody(String.class).orElseThrow();
    }

    @Test
    void onlyAdminsSeeTheDetails() {
        assertEquals("{\"status\":\"UP\"}", health(null));
        String viewer = TestTokens.hs256(SECRET, "cam", 4, Duration.ofMinutes(5));
        assertEquals("{\"status\":\"UP\"}", health(viewer), "a viewer's token for one stream");
        String streamAdmin = TestTokens.hs256(SECRET, "cam", 7, Duration.ofMinutes(5));
        assertEquals("{\"status\":\"UP\"}", health(streamAdmin), "every right, but on one stream");
        for (String admin : new String[] {ADMIN, TestTokens.hs256(SECRET, "*", 1, Duration.ofMinutes(5))}) {
            String details = health(admin);
            assertTrue(details.contains("\"details\""), details);
            assertFalse(details.contains(SECRET), details);
        }
    }
}
