package dev.castmesh.storage;

import java.io.IOException;

/** The storage back end failed (unreachable, refused, I/O error). Worth a retry later; nothing was half-written. */
public class StorageException extends IOException {
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    public StorageException(String message) {
        super(message);
    }
}
