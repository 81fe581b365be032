package dev.castmesh.storage;

/** An object key that {@link ObjectKeys#check} refuses; the message says why (never echoes the key). */
public final class BadObjectKeyException extends IllegalArgumentException {
    public BadObjectKeyException(String message) {
        super(message);
    }
}
