package dev.castmesh.api.http;

/**
 * The JSON error body of both servers (DESIGN.md): {@code {"error": "...", "message": "..."}}.
 *
 * @param error   machine-readable, snake_case: {@code unauthorized}, {@code forbidden}, {@code not_found},
 *                {@code conflict}, {@code bad_request}, {@code unsupported_codec}, {@code too_many_requests}…
 * @param message for humans; never contains a credential or a stack trace
 */
public record ApiError(String error, String message) {
    public static ApiError unauthorized(String message) {
        return new ApiError("unauthorized", message);
    }

    public static ApiError forbidden(String message) {
        return new ApiError("forbidden", message);
    }

    public static ApiError tooManyRequests(String message) {
        return new ApiError("too_many_requests", message);
    }

    public static ApiError badRequest(String message) {
        return new ApiError("bad_request", message);
    }

    public static ApiError notFound(String message) {
        return new ApiError("not_found", message);
    }
}
