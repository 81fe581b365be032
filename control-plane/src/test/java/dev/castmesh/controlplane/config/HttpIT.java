package dev.castmesh.controlplane.config;

import dev.castmesh.controlplane.testing.Reply;
import dev.castmesh.controlplane.testing.TestControlPlane;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code [http]} section on the real server, CORS included (issue 10 finding 4). */
class HttpIT {
    private static final String PLAYER = "http://localhost:5173";
    private static final String FOREIGN = "https://evil.example";

    /** Status and Access-Control-Allow-Origin of a preflight. */
    private record Preflight(int status, String allowOrigin) {
    }

    private static Preflight preflight(HttpClient client, String path, String origin, HttpMethod method) {
        MutableHttpRequest<?> request = HttpRequest.OPTIONS(path).header(HttpHeaders.ORIGIN, origin)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, method.name())
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type");
        try {
            var response = client.toBlocking().exchange(request, String.class);
            return new Preflight(response.code(), response.header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN));
        } catch (HttpClientResponseException e) {
            return new Preflight(e.code(), e.getResponse().header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN));
        }
    }

    @Test
    void listensOnTheChosenHostAndAnswersMediaPreflightsFromAnyOrigin() {
        TestControlPlane app = TestControlPlane.shared(TestControlPlane.Db.SQLITE);
        assertEquals("127.0.0.1", app.url().getHost());
        for (String path : List.of("/whip/cam", "/whep/cam", "/session/cam/a.1", "/api/playback", "/api/record/object/cam/x.mpd")) {
            HttpMethod method = path.startsWith("/session") ? HttpMethod.PATCH : path.startsWith("/api") ? HttpMethod.GET
                    : HttpMethod.POST;
            assertEquals(new Preflight(200, PLAYER), preflight(app.client(), path, PLAYER, method), path);
        }
        Reply get = Reply.send(app.client(), HttpRequest.GET("/api/playback").header(HttpHeaders.ORIGIN, PLAYER));
        assertEquals(200, get.status());
    }

    /** Finding 4: no CORS for the admin API from an origin that is not configured; no localhost pass-through. */
    @Test
    void theAdminApiRefusesForeignOrigins() {
        TestControlPlane app = TestControlPlane.shared(TestControlPlane.Db.SQLITE);
        for (String path : List.of("/api/nodes", "/api/streams", "/api/token", "/api/relay/a/api/streams", "/api/cascade/cam")) {
            for (String origin : List.of(FOREIGN, PLAYER)) { // localhost too: no pass-through
                Preflight refused = preflight(app.client(), path, origin, HttpMethod.POST);
                assertTrue(refused.status() >= 400, path + " from " + origin + ": " + refused);
                assertNull(refused.allowOrigin(), path + " from " + origin);
            }
        }
    }

    @Test
    void configuredOriginsMayCallTheAdminApi() {
        // A dashboard served from localhost: Micronaut refuses other origins to a server on localhost anyway
        // (its drive-by guard, no pass-through), so only a local origin can show the configured list at work here.
        String dashboard = "http://localhost:8080";
        TestControlPlane.Db db = TestControlPlane.Db.SQLITE;
        try (TestControlPlane app = TestControlPlane.start(TestControlPlane.config(TestControlPlane.freshUrl(db), 2,
                Duration.ofSeconds(5)).withHttp(new HttpConfig("127.0.0.1:0", null, null, List.of(dashboard + "/"))))) {
            assertEquals(new Preflight(200, dashboard), preflight(app.client(), "/api/nodes", dashboard, HttpMethod.GET));
            assertNull(preflight(app.client(), "/api/nodes", FOREIGN, HttpMethod.GET).allowOrigin());
            assertNull(preflight(app.client(), "/api/nodes", PLAYER, HttpMethod.GET).allowOrigin());
        }
    }
}
