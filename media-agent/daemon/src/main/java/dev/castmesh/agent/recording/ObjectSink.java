package dev.castmesh.agent.recording;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Where the uploader puts finished recording files (the configured storage). Calls may block; failures throw. */
interface ObjectSink extends AutoCloseable {
    /** Stores {@code file} under {@code key} (a {@code /}-separated path relative to the storage root). */
    void put(String key, Path file) throws IOException;

    /** Stores {@code bytes} under {@code key}. */
    void put(String key, byte[] bytes) throws IOException;

    /** The object at {@code key}, or empty when there is none. */
    Optional<byte[]> get(String key) throws IOException;

    /** Keys that start with {@code prefix}. */
    List<String> list(String prefix) throws IOException;

    /** Releases the storage's connections. */
    @Override
    default void close() {
    }
}
