package dev.castmesh.storage;

/** Opens the store a {@link StorageConfig} describes. */
public final class ObjectStores {
    private ObjectStores() {
    }

    /**
     * @return a {@link FsObjectStore} (creating the root directory) or a {@link S3ObjectStore} (no network I/O yet)
     * @throws StorageException when the filesystem root cannot be created
     */
    public static ObjectStore open(StorageConfig config) throws StorageException {
        return switch (config.type()) {
            case FS -> FsObjectStore.open(java.nio.file.Path.of(config.root()));
            case S3 -> S3ObjectStore.open(config);
        };
    }
}
