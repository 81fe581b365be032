package dev.castmesh.controlplane.recording;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castmesh.controlplane.config.ControlPlaneConfigLoader;
import dev.castmesh.controlplane.testing.TestControlPlane;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10 finding 12, the periodic job: two control planes on one real database (SQLite file, PostgreSQL) and one
 * storage root; {@code [recorder] reconcile_interval} runs the reconcile once per interval in the cluster: the instance
 * that takes the interval's lease runs it, the other does not, and a day manifest that appears in storage is indexed
 * by the next interval's run, whichever instance it is, with nobody calling the API.
 */
class PeriodicReconcileIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    private static TestControlPlane start(String databaseUrl, Path storage) {
        return TestControlPlane.start(new ControlPlaneConfigLoader(Map.of()).parse("[http]\nlisten = \"127.0.0.1:0\"\n"
                + "[database]\nurl = \"" + databaseUrl + "\"\n"
                + "[recorder]\nreconcile_interval = 600\n"
                + "[recorder.storage]\ntype = \"fs\"\nroot = \"" + storage + "\"\n"));
    }

    private static void manifest(Path storage, String day) throws Exception {
        Path file = storage.resolve("cam/2026/11/" + day + "/manifest.mpd");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "<MPD type=\"static\"/>");
    }

    private int recordings(TestControlPlane app) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                URI.create(app.url().toString().replaceAll("/$", "") + "/api/playback/cam")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        return JSON.readTree(answer.body()).size();
    }

    @ParameterizedTest
    @EnumSource(TestControlPlane.Db.class)
    void onceAnIntervalInTheCluster(TestControlPlane.Db db) throws Exception {
        Path storage = Files.createTempDirectory("castmesh-reconcile");
        manifest(storage, "01");
        manifest(storage, "02");
        String url = TestControlPlane.freshUrl(db);
        try (TestControlPlane a = start(url, storage); TestControlPlane b = start(url, storage)) {
            PeriodicReconcile jobA = a.bean(PeriodicReconcile.class);
            PeriodicReconcile jobB = b.bean(PeriodicReconcile.class);
            assertEquals(0, recordings(b), "a new database knows nothing");

            assertTrue(jobA.tick(), "A takes the first interval's lease and runs");
            assertFalse(jobB.tick(), "B does not run in the same interval");
            assertFalse(jobA.tick(), "nor does A again");
            assertEquals(2, recordings(b), "B's index learnt A's run");

            manifest(storage, "03");
            a.clock.advance(Duration.ofMinutes(10));
            b.clock.advance(Duration.ofMinutes(10));
            assertTrue(jobB.tick(), "the next interval: B is first");
            assertFalse(jobA.tick());
            assertEquals(3, recordings(a), "the new manifest is indexed without any API call");
        }
    }
}
