package dev.castmesh.controlplane.database;

import dev.castmesh.controlplane.testing.Reply;
import dev.castmesh.controlplane.testing.TestControlPlane;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code mode} of a {@code sqlite://} URL, on real files. */
class SqliteModesIT {
    private static final String ROW = "[{\"stream\":\"cam\",\"year\":2026,\"month\":11,\"day\":20,\"mpd_path\":\"cam/x.mpd\"}]";

    @TempDir
    Path dir;

    private static Reply put(TestControlPlane app) {
        return Reply.send(app.client(), HttpRequest.PUT("/api/recordings", ROW).contentType(MediaType.APPLICATION_JSON_TYPE));
    }

    @Test
    void rwcCreatesRwReopensRoOnlyReads() {
        Path file = dir.resolve("index.db");
        String url = "sqlite://" + file;
        assertThrows(DatabaseUnavailableException.class, () -> TestControlPlane.start(url + "?mode=rw", 2, Duration.ofSeconds(2)));
        assertFalse(Files.exists(file));

        try (TestControlPlane app = TestControlPlane.start(url + "?mode=rwc", 2, Duration.ofSeconds(2))) {
            assertTrue(Files.exists(file));
            assertEquals(200, put(app).status());
        }
        try (TestControlPlane app = TestControlPlane.start(url + "?mode=rw", 2, Duration.ofSeconds(2))) {
            assertEquals("[\"cam\"]", Reply.send(app.client(), HttpRequest.GET("/api/playback")).body());
        }
        try (TestControlPlane app = TestControlPlane.start(url + "?mode=ro", 2, Duration.ofSeconds(2))) {
            assertEquals("[\"cam\"]", Reply.send(app.client(), HttpRequest.GET("/api/playback")).body());
            Reply refused = put(app).assertError(500, "internal_error");
            assertEquals("internal error", refused.message());
        }
    }

    @Test
    void memoryDatabaseLivesInItsOneConnection() {
        try (TestControlPlane app = TestControlPlane.start("sqlite::memory:", 10, Duration.ofSeconds(2))) {
            assertEquals(200, put(app).status());
            assertEquals(200, put(app).status());
            assertEquals(1, Reply.send(app.client(), HttpRequest.GET("/api/playback/cam?page=0")).json().get("total").asInt());
            assertTrue(Reply.send(app.client(), HttpRequest.GET("/metrics")).body()
                    .contains("hikaricp_connections_max{pool=\"castmesh-db\"} 1.0"));
        }
        assertEquals(0, dir.toFile().list().length, "nothing written to disk");
    }
}
