package dev.castmesh.controlplane.database;

/** The configured database cannot be opened; the message is one line and shows the URL masked. */
public final class DatabaseUnavailableException extends RuntimeException {
    public DatabaseUnavailableException(String message) {
        super(message);
    }
}
