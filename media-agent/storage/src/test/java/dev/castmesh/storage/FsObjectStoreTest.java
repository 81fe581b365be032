package dev.castmesh.storage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FsObjectStoreTest extends ObjectStoreContract {
    @TempDir
    Path base;
    private Path root;
    private FsObjectStore store;

    @BeforeEach
    void open() throws IOException {
        root = base.resolve("recordings");
        store = (FsObjectStore) ObjectStores.open(StorageConfig.fs(root.toString()));
        Files.writeString(base.resolve("secret.txt"), "outside the root");
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
    void createsTheRootAndWritesFilesUnderIt() throws IOException {
        assertTrue(Files.isDirectory(root));
        store.put("cam1/2026/11/21/manifest.mpd", new byte[]{1, 2, 3});
        assertEquals(3, Files.size(root.resolve("cam1/2026/11/21/manifest.mpd")));
        try (Stream<Path> files = Files.walk(root)) {
            assertTrue(files.noneMatch(file -> file.getFileName().toString().endsWith(".tmp")),
                    "no temporary file is left behind");
        }
    }

    @Test
    void neverReachesOutsideTheRoot() throws IOException {
        assertThrows(BadObjectKeyException.class, () -> store.get("../secret.txt"));
        assertThrows(BadObjectKeyException.class, () -> store.get(base.resolve("secret.txt").toString()));
        assertThrows(BadObjectKeyException.class, () -> store.put("../evil.txt", new byte[1]));
        assertTrue(Files.notExists(base.resolve("evil.txt")));
        assertThrows(BadObjectKeyException.class, () -> store.list("../"));
    }

    @Test
    void symbolicLinksOutOfTheRootAreNotFollowed() throws IOException {
        Files.createSymbolicLink(root.resolve("link.mpd"), base.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("linkdir"), base);
        assertTrue(store.get("link.mpd").isEmpty());
        assertTrue(store.head("link.mpd").isEmpty());
        assertTrue(store.get("linkdir/secret.txt").isEmpty());
        assertThrows(BadObjectKeyException.class, () -> store.put("linkdir/evil.txt", new byte[1]));
        assertTrue(Files.notExists(base.resolve("evil.txt")));
    }

    @Test
    void directoriesAreNotObjects() throws IOException {
        store.put("cam1/2026/a.m4s", new byte[1]);
        assertTrue(store.get("cam1/2026").isEmpty());
        assertTrue(store.head("cam1").isEmpty());
    }

    @Test
    void temporaryFilesAreNotListed() throws IOException {
        store.put("cam1/a.m4s", new byte[1]);
        Files.write(root.resolve("cam1/.b.m4s123.tmp"), new byte[1]);
        assertEquals(1, store.list("cam1/").size());
    }

    @Test
    void hasNoPresignedUrls() {
        assertTrue(store.presignedGet("cam1/a.m4s", Duration.ofMinutes(1)).isEmpty());
    }
}
