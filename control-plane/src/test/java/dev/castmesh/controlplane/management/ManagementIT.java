package dev.castmesh.controlplane.management;

import com.fasterxml.jackson.databind.JsonNode;
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
}
