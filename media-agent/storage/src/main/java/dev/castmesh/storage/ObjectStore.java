package dev.castmesh.storage;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where recordings live: objects addressed by key (see {@link ObjectKeys}). Thread-safe. Every method refuses an
 * invalid key with {@link BadObjectKeyException} before any I/O; back-end failures are {@link StorageException}s
 * (or other {@link IOException}s), after which nothing is half-written.
 */
public interface ObjectStore extends Closeable {

    /**
     * Stores the content of a local file under {@code key}, replacing any object there. Readers see the old object or
     * the new one, never a part (filesystem: written to a temporary file beside the target, then renamed).
     * The local file is left alone.
     */
    void put(String key, Path file) throws IOException;

    /** Like {@link #put(String, Path)} with the content in memory (manifests). */
    void put(String key, byte[] content) throws IOException;

    /** The object's metadata, or empty when there is no object at {@code key}. */
    Optional<ObjectInfo> head(String key) throws IOException;

    /** Opens the whole object, or empty when there is none. The caller closes the result. */
    default Optional<ObjectContent> get(String key) throws IOException {
        return get(key, null);
    }

    /**
     * Opens part of the object: {@code range} is clipped to the object's end ({@code null}: the whole object).
     * The caller closes the result.
     *
     * @return empty when there is no object at {@code key}
     * @throws RangeNotSatisfiableException when {@code range} starts at or beyond the end
     */
    Optional<ObjectContent> get(String key, ByteRange range) throws IOException;

    /** Removes the object; no error when there is none. */
    void delete(String key) throws IOException;

    /**
     * Objects whose key starts with {@code prefix} (a plain string prefix such as {@code "cam1/2026/11/"}; empty for
     * all), sorted by key.
     */
    List<ObjectInfo> list(String prefix) throws IOException;

    /**
     * A URL anyone can GET the object from for {@code ttl} without other credentials, when the back end can make one
     * (S3: a presigned URL; filesystem: empty). Does not check that the object exists.
     */
    Optional<URI> presignedGet(String key, Duration ttl);

    /** Where this store writes, for logs and health output (never credentials). */
    String describe();

    /** Releases connections; idempotent. */
    @Override
    void close();
}
