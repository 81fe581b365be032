package dev.castmesh.gst.client;

import java.io.IOException;

/** The server answered with a non-success status; the message is the server's {@code message} if any. */
public final class HttpStatusException extends IOException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public HttpStatusException(int status, String message) {
        super("HTTP " + status + (message.isBlank() ? "" : ": " + message));
        this.status = status;
    }

    public int status() {
        return status;
    }
}
