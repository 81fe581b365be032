package dev.castmesh.agent.recording;

import dev.castmesh.storage.ObjectContent;
import dev.castmesh.storage.ObjectInfo;
import dev.castmesh.storage.ObjectStore;
import dev.castmesh.storage.ObjectStores;
import dev.castmesh.storage.StorageConfig;
import dev.castmesh.storage.StorageType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The storage of {@code [recorder.storage]} as the uploader sees it. */
final class StorageSinks {
    private StorageSinks() {
    }

    /** Whether recordings are already where they belong: an fs store whose root is the spool. */
    static boolean spoolIsStorage(StorageConfig storage, Path spool) {
        return storage.type() == StorageType.FS
                && Path.of(storage.root()).toAbsolutePath().normalize().equals(spool.toAbsolutePath().normalize());
    }

    /**
     * The configured store, opened at its first use (an fs store creates its root then) and again after an open that
     * failed, so that an agent that never records touches nothing and a root that cannot be created yet is retried
     * like any storage outage.
     */
    static ObjectSink lazy(StorageConfig config) {
        return new ObjectSink() {
            private ObjectStore store;

            private synchronized ObjectStore store() throws IOException {
                if (store == null) {
                    store = ObjectStores.open(config);
                }
                return store;
            }

            @Override
            public void put(String key, Path file) throws IOException {
                store().put(key, file);
            }

            @Override
            public void put(String key, byte[] bytes) throws IOException {
                store().put(key, bytes);
            }

            @Override
            public Optional<byte[]> get(String key) throws IOException {
                return sink(store()).get(key);
            }

            @Override
            public List<String> list(String prefix) throws IOException {
                return store().list(prefix).stream().map(ObjectInfo::key).toList();
            }

            @Override
            public synchronized void close() {
                if (store != null) {
                    store.close();
                }
            }
        };
    }

    static ObjectSink sink(ObjectStore store) {
        return new ObjectSink() {
            @Override
            public void put(String key, Path file) throws IOException {
                store.put(key, file);
            }

            @Override
            public void put(String key, byte[] bytes) throws IOException {
                store.put(key, bytes);
            }

            @Override
            public Optional<byte[]> get(String key) throws IOException {
                Optional<ObjectContent> content = store.get(key);
                if (content.isEmpty()) {
                    return Optional.empty();
                }
                try (ObjectContent c = content.get(); InputStream in = c.stream()) {
                    return Optional.of(in.readAllBytes());
                }
            }

            @Override
            public List<String> list(String prefix) throws IOException {
                return store.list(prefix).stream().map(ObjectInfo::key).toList();
            }

            @Override
            public void close() {
                store.close();
            }
        };
    }
}
