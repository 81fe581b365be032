package dev.castmesh.controlplane.auth;

/**
 * The JSON error of DESIGN.md, as the auth package answers it.
 *
 * @param error   machine-readable: {@code unauthorized}, {@code forbidden}, {@code too_many_requests}, {@code bad_request}
 * @param message for humans; never contains a credential
 */
record ErrorBody(String error, String message) {
    static ErrorBody unauthorized(String message) {
        return new ErrorBody("unauthorized", message);
    }

    static ErrorBody forbidden(String message) {
        return new ErrorBody("forbidden", message);
    }

    static ErrorBody tooManyRequests(String message) {
        return new ErrorBody("too_many_requests", message);
    }

    static ErrorBody badRequest(String message) {
        return new ErrorBody("bad_request", message);
    }
}
