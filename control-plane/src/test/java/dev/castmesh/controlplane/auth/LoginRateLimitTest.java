package dev.castmesh.controlplane.auth;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginRateLimitTest {
    @Test
    void fiveFailuresPerMinuteThenTooManyRequests() {
        try (TestServer server = TestServer.start("[[auth.accounts]]\nusername = \"live777\"\npassword = \"live777\"\n")) {
            for (int i = 0; i < LoginRateLimiter.DEFAULT_MAX_FAILURES; i++) {
                assertEquals(401, server.exchange(HttpRequest.POST("/api/login", "{\"username\":\"live777\",\"password\":\"guess-" + i + "\"}")).code());
            }
            // Blocked now, even with the right password: the password is not even checked.
            HttpResponse<String> blocked = server.exchange(HttpRequest.POST("/api/login", "{\"username\":\"live777\",\"password\":\"live777\"}"));
            assertEquals(429, blocked.code());
            long retryAfter = Long.parseLong(blocked.header("Retry-After"));
            assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
            String body = blocked.getBody(String.class).orElseThrow();
            assertTrue(body.startsWith("{\"error\":\"too_many_requests\",\"message\":\"too many failed logins from this address; retry in "), body);
            // Other routes are not affected.
            assertEquals(200, server.exchange(HttpRequest.GET("/health")).code());
        }
    }
}
