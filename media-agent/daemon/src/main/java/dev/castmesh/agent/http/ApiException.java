package dev.castmesh.agent.http;

import dev.castmesh.api.http.ErrorCode;
import io.micronaut.http.HttpStatus;

/** An error the HTTP layer itself decides (bad name, precondition, capacity); answered as JSON by {@link ErrorHandlers}. */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final HttpStatus status;
    private final ErrorCode error;

    public ApiException(HttpStatus status, ErrorCode error, String message) {
        super(message, null, false, false);
        this.status = status;
        this.error = error;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.BAD_REQUEST, message);
    }

    public HttpStatus status() {
        return status;
    }

    public ErrorCode error() {
        return error;
    }
}
