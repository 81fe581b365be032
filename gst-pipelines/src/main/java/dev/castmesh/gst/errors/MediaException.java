package dev.castmesh.gst.errors;

/**
 * Base of the media engine's typed errors. Messages are written for clients: they name the stream or
 * the codec that is wrong and never contain stack traces or internal element names.
 */
public abstract class MediaException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected MediaException(String message) {
        super(message);
    }

    protected MediaException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A short machine-readable code, e.g. {@code stream_not_found}, usable as the JSON {@code error} field. */
    public abstract String code();
}
