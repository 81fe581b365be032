package dev.castmesh.controlplane.management;

import com.fasterxml.jackson.databind.JsonNode;
import dev.castmesh.controlplane.testing.Beats;
import dev.castmesh.controlplane.testing.PostgresServer;
import dev.castmesh.controlplane.testing.Reply;
import dev.castmesh.controlplane.testing.TestControlPlane;
import io.micronaut.http.HttpRequest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /health} and {@code /metrics} through the real server, without credentials. */
class ManagementIT {

    @Test
    void healthIsUpAndIncludesTheDatabase() {
        TestControlPlane app = TestControlPlane.shared(TestControlPlane.Db.SQLITE);
        Reply reply = Reply.send(app.client(), HttpRequest.GET("/health"));
        System.out.println("GET /health -> " + reply.status() + " " + reply.body());
        assertEquals(200, reply.status(), reply.body());
        JsonNode health = reply.json();
        assertEquals("UP", health.get("status").asText());
        assertEquals("UP", health.get("details").get("jdbc").get("status").asText(), reply.body());
        assertFalse(reply.body().contains(app.databaseUrl), "no database URL in health");
    }

    @Test
    void metricsArePrometheusText() {
        TestControlPlane app = TestControlPlane.shared(TestControlPlane.Db.SQLITE);
        Reply.send(app.client(), HttpRequest.GET("/api/playback"));
        Reply reply = Reply.send(app.client(), HttpRequest.GET("/metrics"));
        assertEquals(200, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("text/plain"), reply.contentType());
        assertTrue(reply.body().contains("# TYPE jvm_memory_used_bytes gauge"), reply.body());
        assertTrue(reply.body().contains("hikaricp_connections_max{pool=\"castmesh-db\"} 10.0"), reply.body());
        assertTrue(reply.body().contains("http_server_requests_seconds_count{"), reply.body());
        assertEquals(404, Reply.send(app.client(), HttpRequest.GET("/prometheus")).status());
    }

    @Test
    void otherManagementEndpointsAreOff() {
        TestControlPlane app = TestControlPlane.shared(TestControlPlane.Db.SQLITE);
        for (String path : new String[]{"/beans", "/env", "/loggers", "/routes", "/info", "/refresh", "/threaddump"}) {
            Reply.send(app.client(), HttpRequest.GET(path)).assertError(404, "not_found");
        }
    }

    /** A database that goes away turns health to 503 DOWN within connect_timeout. */
    @Test
    void healthIsDownWhenTheDatabaseIsGone() throws IOException {
        EmbeddedPostgres postgres = PostgresServer.startPrivate();
        String url = "postgresql://postgres@localhost:" + postgres.getPort() + "/postgres";
        try (TestControlPlane app = TestControlPlane.start(url, 2, Duration.ofSeconds(1))) {
            assertEquals(200, Reply.send(app.client(), HttpRequest.GET("/health")).status());
            postgres.close();
            long start = System.nanoTime();
            Reply reply = Reply.send(app.client(), HttpRequest.GET("/health"));
            System.out.println("GET /health with the database stopped -> " + reply.status() + " in "
                    + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms: " + reply.body());
            assertEquals(503, reply.status(), reply.body());
            assertEquals("DOWN", reply.json().get("status").asText());
            assertEquals("DOWN", reply.json().get("details").get("jdbc").get("status").asText());
        } finally {
            postgres.close();
        }
    }

    /** Status, Retry-After and body of a request, 4xx/5xx included. */
    private static String[] exchange(TestControlPlane app, io.micronaut.http.MutableHttpRequest<?> request) {
        try {
            io.micronaut.http.HttpResponse<String> ok = app.client().toBlocking().exchange(request, String.class);
            return new String[] {Integer.toString(ok.code()), ok.header("Retry-After"), ok.body()};
        } catch (io.micronaut.http.client.exceptions.HttpClientResponseException e) {
            return new String[] {Integer.toString(e.getStatus().getCode()), e.getResponse().getHeaders().get("Retry-After"),
                    e.getResponse().getBody(String.class).orElse("")};
        }
    }

    /**
     * Issue 10's fault suite: PostgreSQL stopped under a running control plane → heartbeats and WHIP get 503
     * {@code database_unavailable} with {@code Retry-After} within {@code connect_timeout} (never a 500), and work
     * again once it is back, without a restart.
     */
    @Test
    void requestsAre503WithRetryAfterWhileTheDatabaseIsGoneAndWorkAgainAfter() throws Exception {
        java.nio.file.Path data = java.nio.file.Files.createTempDirectory("castmesh-pg");
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        EmbeddedPostgres postgres = postgres(data, port);
        String url = "postgresql://postgres@localhost:" + port + "/postgres";
        try (TestControlPlane app = TestControlPlane.start(url, 2, Duration.ofSeconds(1))) {
            String beat = Beats.json("http://10.0.0.5:7777", "eu", "[]", "tok");
            assertEquals(201, app.heartbeat("agent-1", beat).status());
            io.micronaut.http.MutableHttpRequest<String> heartbeat = Beats.request("agent-1", app.credential("agent-1"), beat);
            postgres.close();

            long start = System.nanoTime();
            String[] refused = exchange(app, heartbeat);
            long tookMs = Duration.ofNanos(System.nanoTime() - start).toMillis();
            System.out.println("heartbeat with the database stopped -> " + String.join(" | ", refused) + " in " + tookMs + " ms");
            assertEquals("503", refused[0], refused[2]);
            assertTrue(refused[2].contains("\"error\":\"database_unavailable\""), refused[2]);
            assertTrue(refused[1] != null && Integer.parseInt(refused[1]) > 0, "Retry-After: " + refused[1]);
            assertTrue(tookMs < 5_000, "answered after " + tookMs + " ms");
            String[] whip = exchange(app, HttpRequest.POST("/whip/cam", "v=0").contentType("application/sdp"));
            assertEquals("503", whip[0], whip[2]);
            assertTrue(whip[1] != null, "Retry-After on WHIP");

            postgres = postgres(data, port);
            long back = System.nanoTime();
            while (!"200".equals(exchange(app, heartbeat)[0])) {
                assertTrue(System.nanoTime() - back < Duration.ofSeconds(30).toNanos(), "heartbeats work again");
                Thread.sleep(200);
            }
        } finally {
            postgres.close();
        }
    }

    private static EmbeddedPostgres postgres(java.nio.file.Path data, int port) throws IOException {
        return EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).setDataDirectory(data)
                .setCleanDataDirectory(false).setPort(port).start();
    }
}
