package dev.castmesh.controlplane.playbackproxy;

import dev.castmesh.storage.FsObjectStore;
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
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.castmesh.controlplane.playbackproxy.PlaybackProxyHarness.ADMIN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /api/record/object/{path}} on a filesystem store, through a real control plane with auth on: content
 * types, ranges, validators, per-stream tokens, and traversal attempts sent as raw bytes on a socket.
 */
class FsPlaybackProxyIT {
    private static final String MPD = "<?xml version=\"1.0\"?><MPD type=\"static\"/>";
    private static final String SECRET_CONTENT = "TOP-SECRET-OUTSIDE-THE-ROOT";
    private static Path base;
    private static PlaybackProxyHarness proxy;
    private static byte[] segment;

    @BeforeAll
    static void start() throws Exception {
        base = Files.createTempDirectory("castmesh-playback");
        Path root = base.resolve("recordings");
        Files.writeString(base.resolve("secret.txt"), SECRET_CONTENT);
        Files.writeString(base.resolve("recordings-secret.txt"), SECRET_CONTENT);
        try (FsObjectStore store = FsObjectStore.open(root)) {
            segment = new byte[3 * 1024 * 1024 + 17];
            new Random(5).nextBytes(segment);
            store.put("cam1/2026/11/21/manifest.mpd", MPD.getBytes(StandardCharsets.UTF_8));
            store.put("cam1/2026/11/21/video-init.mp4", new byte[]{0, 0, 0, 8, 'f', 't', 'y', 'p'});
            store.put("cam1/2026/11/21/video-00001.m4s", segment);
            store.put("cam2/2026/11/21/manifest.mpd", MPD.getBytes(StandardCharsets.UTF_8));
            store.put("cam1/2026/11/22/manifest.mpd", ManifestTokensTest.MPD.getBytes(StandardCharsets.UTF_8));
            store.put("cam1/2026/11/22/video/init-p0.mp4", new byte[]{0, 0, 0, 8, 'f', 't', 'y', 'p'});
            store.put("cam1/2026/11/22/video/seg-p0-00001.m4s", segment);
        }
        proxy = new PlaybackProxyHarness("[recorder.storage]\ntype = \"fs\"\nroot = \"" + root + "\"\n");
    }

    @AfterAll
    static void stop() {
        proxy.close();
    }

    @Test
    void servesManifestsAndSegmentsWithTheirTypesAndValidators() {
        HttpResponse<byte[]> mpd = proxy.get(proxy.object("cam1/2026/11/21/manifest.mpd", ADMIN));
        assertEquals(200, mpd.statusCode());
        assertEquals(MPD, new String(mpd.body(), StandardCharsets.UTF_8));
        assertEquals("application/dash+xml", mpd.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("bytes", mpd.headers().firstValue("Accept-Ranges").orElseThrow());
        assertEquals("no-cache", mpd.headers().firstValue("Cache-Control").orElseThrow());
        assertTrue(mpd.headers().firstValue("ETag").orElseThrow().matches("\"[0-9a-f]+-[0-9a-f]+\""));
        assertTrue(mpd.headers().firstValue("Last-Modified").orElseThrow().endsWith(" GMT"));

        HttpResponse<byte[]> m4s = proxy.get(proxy.object("cam1/2026/11/21/video-00001.m4s", ADMIN));
        assertEquals(200, m4s.statusCode());
        assertEquals("video/iso.segment", m4s.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(Long.toString(segment.length), m4s.headers().firstValue("Content-Length").orElseThrow());
        assertArrayEquals(segment, m4s.body(), "a 3 MiB segment arrives whole, streamed in chunks");

        HttpResponse<byte[]> init = proxy.get(proxy.object("cam1/2026/11/21/video-init.mp4", ADMIN));
        assertEquals("video/mp4", init.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(8, init.body().length);
    }

    @Test
    void rangesArePartialContent() {
        String key = "cam1/2026/11/21/video-00001.m4s";
        HttpResponse<byte[]> middle = proxy.get(proxy.object(key, ADMIN).header("Range", "bytes=100-1099"));
        assertEquals(206, middle.statusCode());
        assertEquals("bytes 100-1099/" + segment.length, middle.headers().firstValue("Content-Range").orElseThrow());
        assertEquals("1000", middle.headers().firstValue("Content-Length").orElseThrow());
        assertArrayEquals(Arrays.copyOfRange(segment, 100, 1100), middle.body());

        HttpResponse<byte[]> suffix = proxy.get(proxy.object(key, ADMIN).header("Range", "bytes=-10"));
        assertEquals(206, suffix.statusCode());
        assertArrayEquals(Arrays.copyOfRange(segment, segment.length - 10, segment.length), suffix.body());

        HttpResponse<byte[]> open = proxy.get(proxy.object(key, ADMIN).header("Range", "bytes=" + (segment.length - 5) + "-"));
        assertEquals(206, open.statusCode());
        assertEquals(5, open.body().length);

        HttpResponse<byte[]> beyond = proxy.get(proxy.object(key, ADMIN).header("Range", "bytes=" + segment.length + "-"));
        assertEquals(416, beyond.statusCode());
        assertEquals("bytes */" + segment.length, beyond.headers().firstValue("Content-Range").orElseThrow());
        assertTrue(new String(beyond.body(), StandardCharsets.UTF_8).startsWith("{\"error\":\"range_not_satisfiable\""));

        HttpResponse<byte[]> several = proxy.get(proxy.object(key, ADMIN).header("Range", "bytes=0-1,5-6"));
        assertEquals(200, several.statusCode(), "several ranges: the whole object");
        assertEquals(segment.length, several.body().length);
    }

    @Test
    void conditionalRequestsAreNotModified() {
        String key = "cam1/2026/11/21/manifest.mpd";
        HttpResponse<byte[]> first = proxy.get(proxy.object(key, ADMIN));
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();

        HttpResponse<byte[]> byEtag = proxy.get(proxy.object(key, ADMIN).header("If-None-Match", "\"other\", " + etag));
        assertEquals(304, byEtag.statusCode());
        assertEquals(0, byEtag.body().length);
        assertEquals(etag, byEtag.headers().firstValue("ETag").orElseThrow());
        assertEquals(304, proxy.get(proxy.object(key, ADMIN).header("If-Modified-Since", lastModified)).statusCode());
        assertEquals(200, proxy.get(proxy.object(key, ADMIN).header("If-None-Match", "\"other\"")).statusCode());
        assertEquals(200, proxy.get(proxy.object(key, ADMIN)
                .header("If-Modified-Since", "Mon, 01 Jan 2001 00:00:00 GMT")).statusCode());

        HttpResponse<byte[]> staleRange = proxy.get(proxy.object(key, ADMIN).header("Range", "bytes=0-3")
                .header("If-Range", "\"stale\""));
        assertEquals(200, staleRange.statusCode(), "If-Range with another ETag: the whole object");
        assertEquals(206, proxy.get(proxy.object(key, ADMIN).header("Range", "bytes=0-3").header("If-Range", etag))
                .statusCode());
    }

    @Test
    void headAnswersHeadersOnly() throws Exception {
        RawHttp head = RawHttp.send(proxy.app.url(), "HEAD", "/api/record/object/cam1/2026/11/21/video-00001.m4s",
                "Authorization: Bearer " + ADMIN);
        assertEquals(200, head.status());
        assertEquals(Integer.toString(segment.length), head.header("Content-Length"));
        assertEquals("video/iso.segment", head.header("Content-Type"));
        assertEquals(0, head.body().length);
    }

    @Test
    void missingObjectsAreNotFound() {
        HttpResponse<byte[]> missing = proxy.get(proxy.object("cam1/2026/11/21/none.m4s", ADMIN));
        assertEquals(404, missing.statusCode());
        assertEquals("{\"error\":\"object_not_found\",\"message\":\"no recording object 'cam1/2026/11/21/none.m4s'\"}",
                new String(missing.body(), StandardCharsets.UTF_8));
        assertEquals(404, proxy.get(proxy.object("cam1/2026/11/21", ADMIN)).statusCode(), "a directory is no object");
    }

    @Test
    void aStreamTokenReadsItsOwnStreamOnly() {
        String cam1Viewer = proxy.token("cam1", 4);
        assertEquals(200, proxy.get(proxy.object("cam1/2026/11/21/manifest.mpd", cam1Viewer)).statusCode());
        assertEquals(206, proxy.get(proxy.object("cam1/2026/11/21/video-00001.m4s", cam1Viewer)
                .header("Range", "bytes=0-9")).statusCode());
        HttpResponse<byte[]> other = proxy.get(proxy.object("cam2/2026/11/21/manifest.mpd", cam1Viewer));
        assertEquals(403, other.statusCode());
        assertEquals("{\"error\":\"forbidden\",\"message\":\"the token does not grant admin or subscribe on stream 'cam2'\"}",
                new String(other.body(), StandardCharsets.UTF_8));
        assertEquals(403, proxy.get(proxy.object("cam1/2026/11/21/manifest.mpd", proxy.token("cam1", 2))).statusCode(),
                "publish alone does not read recordings");
        assertEquals(200, proxy.get(proxy.object("cam2/2026/11/21/manifest.mpd", proxy.token("cam2", 1))).statusCode());
        assertEquals(200, proxy.get(proxy.object("cam2/2026/11/21/manifest.mpd", proxy.token("*", 4))).statusCode());
        assertEquals(401, proxy.get(proxy.object("cam1/2026/11/21/manifest.mpd", null)).statusCode());
    }

    /** {@code ?token=} instead of the header: a manifest whose segment URLs carry the token, and the same checks. */
    @Test
    void aQueryTokenReadsTheManifestAndTheSegmentsItNames() {
        String viewer = proxy.token("cam1", 4);
        String manifestUrl = proxy.base() + "/api/record/object/cam1/2026/11/22/manifest.mpd";
        HttpResponse<byte[]> mpd = proxy.get(HttpRequest.newBuilder(URI.create(manifestUrl + "?token=" + viewer)));
        assertEquals(200, mpd.statusCode());
        assertEquals("private, no-store", mpd.headers().firstValue("Cache-Control").orElseThrow());
        assertTrue(mpd.headers().firstValue("ETag").isEmpty(), "no validators: the body differs per token");
        String body = new String(mpd.body(), StandardCharsets.UTF_8);
        Matcher template = Pattern.compile("initialization=\"([^\"]+)\" media=\"([^\"]+)\"").matcher(body);
        assertTrue(template.find(), body);
        assertEquals("video/init-p0.mp4?token=" + viewer, template.group(1));
        // As a player resolves them against the manifest's URL: no header anywhere.
        URI init = URI.create(manifestUrl).resolve(template.group(1));
        URI first = URI.create(manifestUrl).resolve(template.group(2).replace("$Number%05d$", "00001"));
        assertEquals(8, proxy.get(HttpRequest.newBuilder(init)).body().length);
        HttpResponse<byte[]> m4s = proxy.get(HttpRequest.newBuilder(first));
        assertEquals(200, m4s.statusCode());
        assertArrayEquals(segment, m4s.body());
        assertEquals(401, proxy.get(HttpRequest.newBuilder(URI.create(first.toString().replaceAll("\\?token=.*", ""))))
                .statusCode(), "the segment without the token");

        HttpResponse<byte[]> other = proxy.get(HttpRequest.newBuilder(URI.create(
                proxy.base() + "/api/record/object/cam2/2026/11/21/manifest.mpd?token=" + viewer)));
        assertEquals(403, other.statusCode(), "bound to its stream as in the header");
        assertEquals(403, proxy.get(HttpRequest.newBuilder(URI.create(manifestUrl + "?token=" + proxy.token("cam1", 2))))
                .statusCode(), "and to its right");
    }

    @Test
    void aBadQueryTokenIsTheSame401AsABadHeader() throws Exception {
        String expired = PlaybackProxyHarness.expiredToken("cam1", 4);
        for (String bad : new String[]{"not-a-token", expired}) {
            HttpResponse<byte[]> byHeader = proxy.get(proxy.object("cam1/2026/11/22/manifest.mpd", bad));
            HttpResponse<byte[]> byQuery = proxy.get(HttpRequest.newBuilder(URI.create(
                    proxy.base() + "/api/record/object/cam1/2026/11/22/manifest.mpd?token=" + bad)));
            assertEquals(401, byHeader.statusCode());
            assertEquals(401, byQuery.statusCode());
            assertEquals(new String(byHeader.body(), StandardCharsets.UTF_8), new String(byQuery.body(), StandardCharsets.UTF_8));
            assertEquals(byHeader.headers().firstValue("WWW-Authenticate"), byQuery.headers().firstValue("WWW-Authenticate"));
            assertFalse(new String(byQuery.body(), StandardCharsets.UTF_8).contains(bad), "the token is not echoed");
        }
    }

    @Test
    void theHeaderWinsOverTheQuery() {
        String viewer = proxy.token("cam1", 4);
        String manifest = "cam1/2026/11/22/manifest.mpd";
        assertEquals(401, proxy.get(proxy.object(manifest + "?token=" + viewer, "not-a-token")).statusCode(),
                "a bad header is not rescued by a good query token");
        HttpResponse<byte[]> goodHeader = proxy.get(proxy.object(manifest + "?token=not-a-token", viewer));
        assertEquals(200, goodHeader.statusCode());
        assertEquals(ManifestTokensTest.MPD, new String(goodHeader.body(), StandardCharsets.UTF_8),
                "read with the header: served as stored, no token written into it");
    }

    @Test
    void traversalNeverLeavesTheRoot() throws Exception {
        List<String> attacks = List.of(
                "../secret.txt",
                "cam1/../../secret.txt",
                "cam1/2026/../../../secret.txt",
                "%2e%2e/secret.txt",
                "%2E%2E/%2E%2E/secret.txt",
                "cam1/%2e%2e/%2e%2e/secret.txt",
                "cam1%2f..%2f..%2fsecret.txt",
                "..%2fsecret.txt",
                "..%2Fsecret.txt",
                "cam1/..%5c..%5csecret.txt",
                "cam1\\..\\..\\secret.txt",
                "..\\secret.txt",
                "%2fetc%2fpasswd",
                "/etc/passwd",
                "//etc/passwd",
                "cam1/%00.mpd",
                "cam1/x%00/../../secret.txt",
                "cam1/%ZZ",
                "cam1/./2026/11/21/manifest.mpd",
                "%2e/secret.txt",
                "..;/secret.txt",
                "cam1/2026/11/21/manifest.mpd/../../../../../secret.txt",
                "..%252fsecret.txt",
                "%c0%ae%c0%ae/secret.txt");
        for (String attack : attacks) {
            for (String auth : new String[]{"Authorization: Bearer " + ADMIN, "Authorization: Bearer "
                    + proxy.token("cam1", 4), "X-None: 1"}) {
                RawHttp response = RawHttp.send(proxy.app.url(), "GET", "/api/record/object/" + attack, auth);
                assertTrue(response.status() == 400 || response.status() == 404,
                        attack + " with " + auth + " -> " + response.status() + " " + response.text());
                assertFalse(response.text().contains(SECRET_CONTENT), attack);
                assertFalse(response.text().contains("root:"), attack);
            }
        }
        // The server keeps serving.
        assertEquals(200, proxy.get(proxy.object("cam1/2026/11/21/manifest.mpd", ADMIN)).statusCode());
    }

    @Test
    void badPathsAreJsonBadRequests() throws Exception {
        RawHttp response = RawHttp.send(proxy.app.url(), "GET", "/api/record/object/cam1/%2e%2e/cam2/x.mpd");
        assertEquals(400, response.status());
        assertEquals("application/json", response.header("Content-Type"));
        assertTrue(response.text().startsWith("{\"error\":\"bad_request\",\"message\":\""), response.text());
    }

    @Test
    void browsersOnOtherOriginsMayRead() throws Exception {
        // A player on another port of this host: to a server on localhost Micronaut refuses non-local origins (its
        // drive-by guard; issue 10 turned the localhost pass-through off).
        String origin = "http://localhost:3000";
        RawHttp preflight = RawHttp.send(proxy.app.url(), "OPTIONS", "/api/record/object/cam1/2026/11/21/manifest.mpd",
                "Origin: " + origin, "Access-Control-Request-Method: GET",
                "Access-Control-Request-Headers: authorization,range");
        assertEquals(200, preflight.status());
        assertEquals(origin, preflight.header("Access-Control-Allow-Origin"));
        HttpResponse<byte[]> get = proxy.get(proxy.object("cam1/2026/11/21/manifest.mpd", ADMIN).header("Origin", origin));
        assertEquals(200, get.statusCode());
        assertEquals(origin, get.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
    }
}
