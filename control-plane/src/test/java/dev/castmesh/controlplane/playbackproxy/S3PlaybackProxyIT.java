package dev.castmesh.controlplane.playbackproxy;

import dev.castmesh.storage.ObjectStores;
import dev.castmesh.storage.ObjectStore;
import dev.castmesh.storage.S3ProxyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import static dev.castmesh.controlplane.playbackproxy.PlaybackProxyHarness.ADMIN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The playback proxy on an S3 store (s3proxy in this JVM, a real S3 API): proxied reads with ranges and validators,
 * and with {@code [playback] signed_redirect} a 307 to a presigned URL that a plain HTTP client can fetch.
 */
class S3PlaybackProxyIT {
    private static final String MPD = "<?xml version=\"1.0\"?><MPD type=\"dynamic\"/>";
    private static S3ProxyServer s3;
    private static PlaybackProxyHarness proxied;
    private static PlaybackProxyHarness redirecting;
    private static byte[] segment;

    @BeforeAll
    static void start() throws Exception {
        Path blobs = Files.createTempDirectory("castmesh-s3");
        s3 = S3ProxyServer.start(blobs, "recordings");
        segment = new byte[1024 * 1024 + 3];
        new Random(9).nextBytes(segment);
        try (ObjectStore store = ObjectStores.open(s3.config("recordings", "/live777/"))) {
            store.put("cam1/2026/11/21/manifest.mpd", MPD.getBytes(StandardCharsets.UTF_8));
            store.put("cam1/2026/11/21/audio-00001.m4s", segment);
        }
        String storage = "[recorder.storage]\ntype = \"s3\"\nbucket = \"recordings\"\nroot = \"/live777/\"\n"
                + "region = \"" + S3ProxyServer.REGION + "\"\nendpoint = \"" + s3.endpoint() + "\"\n"
                + "access_key_id = \"" + S3ProxyServer.ACCESS_KEY + "\"\nsecret_access_key = \""
                + S3ProxyServer.SECRET_KEY + "\"\n";
        proxied = new PlaybackProxyHarness(storage);
        redirecting = new PlaybackProxyHarness(storage + "[playback]\nsigned_redirect = true\nsigned_ttl_seconds = 120\n");
    }

    @AfterAll
    static void stop() throws Exception {
        proxied.close();
        redirecting.close();
        s3.close();
    }

    @Test
    void proxiesObjectsWithRangesAndValidators() {
        HttpResponse<byte[]> mpd = proxied.get(proxied.object("cam1/2026/11/21/manifest.mpd", ADMIN));
        assertEquals(200, mpd.statusCode());
        assertEquals(MPD, new String(mpd.body(), StandardCharsets.UTF_8));
        assertEquals("application/dash+xml", mpd.headers().firstValue("Content-Type").orElseThrow());
        String etag = mpd.headers().firstValue("ETag").orElseThrow();
        assertTrue(etag.startsWith("\"") && etag.length() > 2, etag);
        assertEquals(304, proxied.get(proxied.object("cam1/2026/11/21/manifest.mpd", ADMIN)
                .header("If-None-Match", etag)).statusCode());

        HttpResponse<byte[]> whole = proxied.get(proxied.object("cam1/2026/11/21/audio-00001.m4s", ADMIN));
        assertArrayEquals(segment, whole.body());
        HttpResponse<byte[]> part = proxied.get(proxied.object("cam1/2026/11/21/audio-00001.m4s", ADMIN)
                .header("Range", "bytes=1000-1999"));
        assertEquals(206, part.statusCode());
        assertEquals("bytes 1000-1999/" + segment.length, part.headers().firstValue("Content-Range").orElseThrow());
        assertArrayEquals(Arrays.copyOfRange(segment, 1000, 2000), part.body());
        assertEquals(416, proxied.get(proxied.object("cam1/2026/11/21/audio-00001.m4s", ADMIN)
                .header("Range", "bytes=" + segment.length + "-")).statusCode());
        assertEquals(404, proxied.get(proxied.object("cam1/2026/11/21/none.m4s", ADMIN)).statusCode());
    }

    @Test
    void aStorageOutageIsAServiceUnavailableAndTheProxyKeepsServing() throws Exception {
        String down = "[recorder.storage]\ntype = \"s3\"\nbucket = \"recordings\"\nendpoint = \"http://127.0.0.1:1\"\n"
                + "access_key_id = \"a\"\nsecret_access_key = \"the-secret-of-a-dead-server\"\n";
        try (PlaybackProxyHarness unreachable = new PlaybackProxyHarness(down)) {
            for (int i = 0; i < 2; i++) {
                HttpResponse<byte[]> response = unreachable.get(unreachable.object("cam1/2026/11/21/manifest.mpd", ADMIN));
                assertEquals(503, response.statusCode());
                assertEquals("{\"error\":\"storage_unavailable\",\"message\":\"the recordings storage is not reachable;"
                        + " try again\"}", new String(response.body(), StandardCharsets.UTF_8));
            }
            assertEquals(200, unreachable.get(HttpRequest.newBuilder(URI.create(unreachable.base() + "/health")))
                    .statusCode());
        }
    }

    @Test
    void signedRedirectSendsThePlayerToAPresignedUrl() {
        String viewer = redirecting.token("cam1", 4);
        HttpResponse<byte[]> redirect = redirecting.get(redirecting.object("cam1/2026/11/21/audio-00001.m4s", viewer));
        assertEquals(307, redirect.statusCode());
        URI location = URI.create(redirect.headers().firstValue("Location").orElseThrow());
        assertTrue(location.toString().startsWith(s3.endpoint() + "/recordings/live777/cam1/2026/11/21/audio-00001.m4s?"),
                location.toString());
        assertTrue(location.getRawQuery().contains("X-Amz-Expires=120"), location.getRawQuery());

        HttpResponse<byte[]> fetched = redirecting.send(HttpRequest.newBuilder(location).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, fetched.statusCode());
        assertArrayEquals(segment, fetched.body());
        assertEquals("video/iso.segment", fetched.headers().firstValue("Content-Type").orElseThrow());

        HttpResponse<byte[]> mpd = redirecting.get(redirecting.object("cam1/2026/11/21/manifest.mpd", viewer));
        assertEquals(200, mpd.statusCode(), "a manifest is proxied: players resolve segment URLs against it");
        assertEquals(MPD, new String(mpd.body(), StandardCharsets.UTF_8));

        assertEquals(403, redirecting.get(redirecting.object("cam2/2026/11/21/audio-00001.m4s", viewer)).statusCode(),
                "rights are checked before any redirect");
        assertEquals(404, redirecting.get(redirecting.object("cam1/2026/11/21/none.m4s", viewer)).statusCode());
    }
}
