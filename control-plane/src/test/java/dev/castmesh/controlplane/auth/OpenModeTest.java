package dev.castmesh.controlplane.auth;

import dev.castmesh.api.auth.RouteRights;
import dev.castmesh.api.auth.RouteRule;
import dev.castmesh.api.auth.Service;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** No secret, no tokens, no accounts: everything goes through, whatever the caller sends. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenModeTest {
    private TestServer server;

    @BeforeAll
    void start() {
        server = TestServer.start("", TestServer.PROBE, TestServer.FIXTURES);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void everyTableRouteIsOpenToEveryone() {
        String[] authorizations = {null, "Bearer garbage", "Bearer " + TestTokens.hs256("x".repeat(32), "other", 0, Duration.ofMinutes(1)),
                "Basic Zm9vOmJhcg=="};
        int requests = 0;
        for (RouteRule rule : RouteRights.of(Service.CONTROL_PLANE)) {
            String method = rule.method().equals(RouteRule.ANY_METHOD) ? "PATCH" : rule.method();
            String path = rule.path().expand(Map.of("stream", "cam-1", "session", "s", "alias", "n", "path", "x/y"));
            for (String authorization : authorizations) {
                MutableHttpRequest<String> request = HttpRequest.create(HttpMethod.valueOf(method), path);
                if (!method.equals("GET") && !method.equals("DELETE")) {
                    request.body("{}").contentType(MediaType.APPLICATION_JSON_TYPE);
                }
                if (authorization != null) {
                    request.header("Authorization", authorization);
                }
                HttpResponse<String> response = server.exchange(request);
                assertEquals(200, response.code(), method + " " + path + " with " + authorization);
                assertEquals("passed", response.header(AuthProbeFilter.HEADER));
                requests++;
            }
        }
        assertEquals(RouteRights.of(Service.CONTROL_PLANE).size() * authorizations.length, requests);
    }

    @Test
    void routesWithoutARowAreOpenToo() {
        assertEquals(204, server.exchange(HttpRequest.PUT("/api/fixture/unlisted", "{}")).code());
        assertEquals(404, server.exchange(HttpRequest.GET("/no/such/route")).code());
    }

    @Test
    void loginHasNoAccountsToCheck() {
        HttpResponse<String> response = server.exchange(HttpRequest.POST("/api/login", "{\"username\":\"a\",\"password\":\"b\"}")
                .header(AuthProbeFilter.BYPASS, "1"));
        assertEquals(401, response.code());
        assertTrue(response.getBody(String.class).orElseThrow().contains("no dashboard accounts are configured"));
    }

    @Test
    void anyoneMayMintWhileOpen() {
        HttpResponse<String> response = server.exchange(HttpRequest.POST("/api/token", "{\"id\":\"cam-1\",\"mode\":2}")
                .header(AuthProbeFilter.BYPASS, "1"));
        assertEquals(200, response.code());
        assertTrue(Arrays.asList(response.getBody(String.class).orElseThrow().split("\"")).contains("token"));
    }
}
