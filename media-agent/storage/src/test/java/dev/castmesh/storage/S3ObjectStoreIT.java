package dev.castmesh.storage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The S3 store against a real S3-compatible server (s3proxy in this JVM). */
class S3ObjectStoreIT extends ObjectStoreContract {
    @TempDir
    static Path blobs;
    private static S3ProxyServer server;
    private S3ObjectStore store;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3ProxyServer.start(blobs, "recordings");
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @BeforeEach
    void open() throws IOException {
        // A fresh prefix per test: the tests share one bucket.
        store = (S3ObjectStore) ObjectStores.open(server.config("recordings", "/run-" + UUID.randomUUID() + "/"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Override
    ObjectStore store() {
        return store;
    }

    @Test
    void presignedUrlServesTheObjectToAPlainHttpClient() throws Exception {
        byte[] segment = randomBytes(50_000, 7);
        store.put("cam1/2026/11/21/video-00002.m4s", segment);
        URI url = store.presignedGet("cam1/2026/11/21/video-00002.m4s", Duration.ofSeconds(60)).orElseThrow();
        assertTrue(url.getRawQuery().contains("X-Amz-Signature="), url.toString());
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(url).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        assertArrayEquals(segment, response.body());
        assertEquals("video/iso.segment", response.headers().firstValue("Content-Type").orElse(""));

        HttpResponse<byte[]> range = http.send(HttpRequest.newBuilder(url).header("Range", "bytes=10-19").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(206, range.statusCode());
        assertArrayEquals(java.util.Arrays.copyOfRange(segment, 10, 20), range.body());

        URI missing = store.presignedGet("cam1/2026/11/21/none.m4s", Duration.ofSeconds(60)).orElseThrow();
        assertEquals(404, http.send(HttpRequest.newBuilder(missing).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());

        URI unsigned = URI.create(url.toString().substring(0, url.toString().indexOf('?')));
        assertEquals(403, http.send(HttpRequest.newBuilder(unsigned).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode(), "the bucket is not public");
    }

    @Test
    void objectsLandUnderTheRootPrefix() throws Exception {
        store.put("cam1/a.mpd", new byte[]{1});
        try (S3ObjectStore bare = S3ObjectStore.open(server.config("recordings", null))) {
            assertTrue(bare.list("run-").stream().anyMatch(info -> info.key().endsWith("/cam1/a.mpd")));
        }
    }

    @Test
    void wrongCredentialsAreAStorageFailure() {
        StorageConfig wrong = StorageConfig.s3("recordings", null, S3ProxyServer.REGION, server.endpoint(),
                S3ProxyServer.ACCESS_KEY, "not-the-secret");
        try (S3ObjectStore denied = S3ObjectStore.open(wrong)) {
            StorageException e = assertThrows(StorageException.class, () -> denied.put("cam1/a.m4s", new byte[1]));
            assertTrue(!e.getMessage().contains("not-the-secret"), e.getMessage());
        }
    }

    @Test
    void unreachableServerIsAStorageFailure() throws IOException {
        StorageConfig down = StorageConfig.s3("recordings", null, S3ProxyServer.REGION, "http://127.0.0.1:1",
                S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY);
        try (S3ObjectStore unreachable = S3ObjectStore.open(down)) {
            assertThrows(StorageException.class, () -> unreachable.head("cam1/a.m4s"));
        }
    }
}
