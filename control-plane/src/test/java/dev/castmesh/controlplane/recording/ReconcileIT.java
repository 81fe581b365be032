package dev.castmesh.controlplane.recording;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castmesh.controlplane.config.ControlPlaneConfigLoader;
import dev.castmesh.controlplane.testing.TestControlPlane;
import dev.castmesh.storage.ObjectStore;
import dev.castmesh.storage.ObjectStores;
import dev.castmesh.storage.S3ProxyServer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10 finding 12: a control plane with a new, empty database learns every recording its storage holds through
 * {@code POST /api/recordings/reconcile}. Real S3 API (s3proxy) with a key prefix, 1,050 objects (more than one S3
 * listing page), real SQLite; non-manifests and keys that are not day manifests are ignored; a second run changes
 * nothing; without the admin right it is 401; storage down is 503.
 */
class ReconcileIT {
    private static final String ADMIN = "admin-token-for-reconcile-tests";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    private static TestControlPlane start(String storage) {
        return TestControlPlane.start(new ControlPlaneConfigLoader(Map.of()).parse("[http]\nlisten = \"127.0.0.1:0\"\n"
                + "[database]\nurl = \"" + TestControlPlane.freshUrl(TestControlPlane.Db.SQLITE) + "\"\n"
                + "[auth]\ntokens = [\"" + ADMIN + "\"]\n" + storage));
    }

    private HttpResponse<String> call(TestControlPlane app, String method, String path, String token) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(app.url().toString().replaceAll("/$", "") + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aNewDatabaseLearnsEveryRecordingInStorage() throws Exception {
        Path blobs = Files.createTempDirectory("castmesh-s3");
        try (S3ProxyServer s3 = S3ProxyServer.start(blobs, "recordings")) {
            byte[] mpd = "<MPD type=\"static\"/>".getBytes(StandardCharsets.UTF_8);
            try (ObjectStore store = ObjectStores.open(s3.config("recordings", "/live777/"))) {
                for (int day = 1; day <= 30; day++) {
                    String d = String.format("cam/2026/11/%02d", day);
                    store.put(d + "/manifest.mpd", mpd);
                    for (int n = 1; n <= 34; n++) {
                        store.put(d + "/video/seg-" + n + ".m4s", new byte[] {1});
                    }
                }
                store.put("cam2/2026/12/01/manifest.mpd", mpd);
                store.put("live/cam2/2026/12/01/manifest.mpd", mpd); // not a stream name (no '/')
                store.put("cam/2026/13/01/manifest.mpd", mpd);
                store.put("cam/2026/11/01/manifest.mpd.unreadable-1", mpd);
                store.put("notes/manifest.mpd", mpd);
            }
            String storage = "[recorder.storage]\ntype = \"s3\"\nbucket = \"recordings\"\nroot = \"/live777/\"\n"
                    + "region = \"" + S3ProxyServer.REGION + "\"\nendpoint = \"" + s3.endpoint() + "\"\n"
                    + "access_key_id = \"" + S3ProxyServer.ACCESS_KEY + "\"\nsecret_access_key = \""
                    + S3ProxyServer.SECRET_KEY + "\"\n";
            try (TestControlPlane app = start(storage)) {
                assertEquals("[]", call(app, "GET", "/api/playback", ADMIN).body(), "a new database knows nothing");
                assertEquals(401, call(app, "POST", "/api/recordings/reconcile", null).statusCode());

                HttpResponse<String> first = call(app, "POST", "/api/recordings/reconcile", ADMIN);
                System.out.println("reconcile: " + first.body());
                assertEquals(200, first.statusCode(), first.body());
                JsonNode result = JSON.readTree(first.body());
                assertEquals(1055, result.path("scanned").asInt());
                assertEquals(31, result.path("manifests").asInt());
                JsonNode streams = JSON.readTree(call(app, "GET", "/api/playback", ADMIN).body());
                assertTrue(streams.toString().contains("\"cam\"") && streams.toString().contains("\"cam2\""), streams.toString());
                JsonNode page = JSON.readTree(call(app, "GET", "/api/playback/cam?size=100", ADMIN).body());
                System.out.println("cam rows: " + page.toString().length() + " chars");
                assertTrue(page.toString().contains("\"mpd_path\":\"cam/2026/11/30/manifest.mpd\""), page.toString());
                assertTrue(page.toString().contains("\"mpd_path\":\"cam/2026/11/01/manifest.mpd\""), page.toString());

                HttpResponse<String> again = call(app, "POST", "/api/recordings/reconcile", ADMIN);
                assertEquals(first.body(), again.body());
                assertEquals(page.toString(), JSON.readTree(call(app, "GET", "/api/playback/cam?size=100", ADMIN).body()).toString(),
                        "a second run changes no row");
            }
        }
        String down = "[recorder.storage]\ntype = \"s3\"\nbucket = \"recordings\"\nendpoint = \"http://127.0.0.1:1\"\n"
                + "access_key_id = \"a\"\nsecret_access_key = \"b\"\n";
        try (TestControlPlane app = start(down)) {
            HttpResponse<String> unavailable = call(app, "POST", "/api/recordings/reconcile", ADMIN);
            assertEquals(503, unavailable.statusCode(), unavailable.body());
            assertTrue(unavailable.body().contains("storage_unavailable"), unavailable.body());
        }
    }
}
