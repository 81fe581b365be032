package dev.castmesh.agent.recording;

import dev.castmesh.agent.config.RecorderConfig;
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

    /** The store to upload to; empty when the spool is the storage. The caller closes the store. */
    static Optional<ObjectStore> open(RecorderConfig config, Path spool) throws IOException {
        if (spoolIsStorage(config.storage(), spool)) {
            return Optional.empty();
        }
        return Optional.of(ObjectStores.open(config.storage()));
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
