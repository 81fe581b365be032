package dev.castmesh.api.http;

import java.util.Locale;

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


    /** The code for an HTTP status without a more specific one: {@code 404 -> not_found}. */
    public static String codeFor(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 409 -> "conflict";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            case 422 -> "unprocessable_entity";
            case 429 -> "too_many_requests";
            case 502 -> "bad_gateway";
            case 503 -> "service_unavailable";
            case 504 -> "gateway_timeout";
            default -> status >= 500 ? "internal_error" : "error_" + status;
        };
    }

    /** Makes a framework or driver message fit for a client: first line only, bounded, no Java internals. */
    public static String clean(String message, String fallback) {
        if (message == null || message.isBlank()) {
            return fallback;
        }
        String text = message.strip();
        int newline = text.indexOf('\n');
        if (newline >= 0) {
            text = text.substring(0, newline).strip();
        }
        int source = text.indexOf(" at [Source:");
        if (source >= 0) {
            text = text.substring(0, source);
        }
        if (text.length() > 300) {
            text = text.substring(0, 297) + "...";
        }
        return text.isEmpty() ? fallback : text;
    }

    /** The human form of {@link #codeFor}: {@code 404 -> "not found"}. */
    public static String reason(int status) {
        return codeFor(status).replace('_', ' ').toLowerCase(Locale.ROOT);
    }
}
