package dev.castmesh.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every {@link ObjectStore} does, run on each back end. */
abstract class ObjectStoreContract {
    @TempDir
    Path local;

    abstract ObjectStore store();

    static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static byte[] readAll(ObjectContent content) throws IOException {
        try (content; InputStream in = content.stream()) {
            return in.readAllBytes();
        }
    }

    @Test
    void putFileThenGetHeadAndRange() throws IOException {
        byte[] segment = randomBytes(300_000, 1);
        Path file = Files.write(local.resolve("seg.m4s"), segment);
        Instant before = Instant.now().minusSeconds(2);
        store().put("cam1/2026/11/21/video-00001.m4s", file);
        assertTrue(Files.exists(file), "the local file is left alone");

        ObjectInfo head = store().head("cam1/2026/11/21/video-00001.m4s").orElseThrow();
        assertEquals(segment.length, head.sizeBytes());
        assertTrue(head.etag().startsWith("\"") && head.etag().endsWith("\"") && head.etag().length() > 2, head.etag());
        assertTrue(!head.lastModified().isBefore(before) && !head.lastModified().isAfter(Instant.now().plusSeconds(2)),
                head.lastModified().toString());

        ObjectContent whole = store().get("cam1/2026/11/21/video-00001.m4s").orElseThrow();
        assertEquals(segment.length, whole.contentLength());
        assertEquals(new ByteRange(0, segment.length - 1), whole.range());
        assertEquals(head.etag(), whole.info().etag());
        assertArrayEquals(segment, readAll(whole));

        ObjectContent middle = store().get("cam1/2026/11/21/video-00001.m4s", new ByteRange(1000, 1999)).orElseThrow();
        assertEquals(1000, middle.contentLength());
        assertEquals(new ByteRange(1000, 1999), middle.range());
        assertEquals(segment.length, middle.info().sizeBytes());
        assertArrayEquals(java.util.Arrays.copyOfRange(segment, 1000, 2000), readAll(middle));

        ObjectContent tail = store().get("cam1/2026/11/21/video-00001.m4s", ByteRange.from(299_990)).orElseThrow();
        assertEquals(new ByteRange(299_990, 299_999), tail.range());
        assertArrayEquals(java.util.Arrays.copyOfRange(segment, 299_990, 300_000), readAll(tail));

        ObjectContent clipped = store().get("cam1/2026/11/21/video-00001.m4s", new ByteRange(299_999, 400_000))
                .orElseThrow();
        assertEquals(1, clipped.contentLength());
        assertEquals(1, readAll(clipped).length);
    }

    @Test
    void rangeBeyondTheEndIsNotSatisfiable() throws IOException {
        store().put("cam1/x.m4s", new byte[100]);
        RangeNotSatisfiableException e = assertThrows(RangeNotSatisfiableException.class,
                () -> store().get("cam1/x.m4s", ByteRange.from(100)));
        assertEquals(100, e.size());
    }

    @Test
    void missingObjectsAreEmpty() throws IOException {
        assertTrue(store().head("cam1/none.m4s").isEmpty());
        assertTrue(store().get("cam1/none.m4s").isEmpty());
        assertTrue(store().get("nobody/none.m4s", new ByteRange(0, 10)).isEmpty());
        store().delete("cam1/none.m4s");
    }

    @Test
    void putReplacesAndChangesTheEtag() throws IOException {
        store().put("cam1/manifest.mpd", "<MPD type=\"dynamic\"/>".getBytes(StandardCharsets.UTF_8));
        String first = store().head("cam1/manifest.mpd").orElseThrow().etag();
        store().put("cam1/manifest.mpd", "<MPD type=\"static\" x=\"1\"/>".getBytes(StandardCharsets.UTF_8));
        ObjectContent content = store().get("cam1/manifest.mpd").orElseThrow();
        assertEquals("<MPD type=\"static\" x=\"1\"/>", new String(readAll(content), StandardCharsets.UTF_8));
        assertNotEquals(first, store().head("cam1/manifest.mpd").orElseThrow().etag());
    }

    @Test
    void listAndDelete() throws IOException {
        store().put("cam1/2026/11/20/a.m4s", new byte[1]);
        store().put("cam1/2026/11/21/b.m4s", new byte[2]);
        store().put("cam1/2026/11/21/c.m4s", new byte[3]);
        store().put("cam10/2026/11/21/d.m4s", new byte[4]);
        assertEquals(List.of("cam1/2026/11/21/b.m4s", "cam1/2026/11/21/c.m4s"),
                store().list("cam1/2026/11/21/").stream().map(ObjectInfo::key).toList());
        assertEquals(3, store().list("cam1/").size());
        assertEquals(4, store().list("cam1").size());
        assertEquals(3, store().list("cam1/2026/11/21/c.m4s").get(0).sizeBytes());
        store().delete("cam1/2026/11/21/b.m4s");
        assertEquals(List.of("cam1/2026/11/21/c.m4s"),
                store().list("cam1/2026/11/21/").stream().map(ObjectInfo::key).toList());
        assertTrue(store().head("cam1/2026/11/21/b.m4s").isEmpty());
    }

    @Test
    void emptyObjects() throws IOException {
        store().put("cam1/empty.m4s", new byte[0]);
        ObjectContent content = store().get("cam1/empty.m4s").orElseThrow();
        assertEquals(0, content.contentLength());
        assertEquals(0, readAll(content).length);
    }

    @Test
    void everyOperationRefusesBadKeys() {
        for (String key : List.of("../escape.m4s", "/etc/passwd", "a\\..\\b", "a/\u0000", "a//b")) {
            assertThrows(BadObjectKeyException.class, () -> store().put(key, new byte[1]), key);
            assertThrows(BadObjectKeyException.class, () -> store().get(key), key);
            assertThrows(BadObjectKeyException.class, () -> store().head(key), key);
            assertThrows(BadObjectKeyException.class, () -> store().delete(key), key);
            assertThrows(BadObjectKeyException.class, () -> store().presignedGet(key, Duration.ofMinutes(1)), key);
        }
    }
}
