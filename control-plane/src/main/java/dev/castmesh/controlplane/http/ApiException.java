package dev.castmesh.controlplane.http;

import dev.castmesh.api.http.ApiError;
/**
 * Base of the typed exceptions that become an {@link ApiError} response. Subclasses fix the status and the
 * code; the message goes to the client as is, so it must be meant for the client.
 */
public abstract class ApiException extends RuntimeException {
    private final int status;
    private final String code;

    protected ApiException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
