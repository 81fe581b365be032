package dev.castmesh.agent.http;

import dev.castmesh.api.http.ApiError;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/**
 * Micronaut's own errors (no route 404, 405, 415 wrong content type, 413 body too large, unreadable
 * argument 400) in our {@code {"error","message"}} form instead of its JSON or HTML error pages.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
final class ApiErrorResponseProcessor implements ErrorResponseProcessor<ApiError> {

    @Override
    public MutableHttpResponse<ApiError> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.status();
        String message = ApiError.clean(context.getErrors().stream().map(Error::getMessage).findFirst().orElse(null),
                ApiError.reason(status.getCode()));
        if (status == HttpStatus.UNSUPPORTED_MEDIA_TYPE) {
            message = "unsupported Content-Type; WHIP/WHEP offers are application/sdp, PATCH bodies application/trickle-ice-sdpfrag";
        } else if (status == HttpStatus.REQUEST_ENTITY_TOO_LARGE) {
            message = "the request body is too large (limit " + dev.castmesh.agent.MediaAgent.MAX_REQUEST_BYTES / 1024 + " KiB)";
        }
        if (status.getCode() >= 500) {
            message = ApiError.reason(status.getCode()); // never a server-side exception's text
        }
        String error = ApiError.codeFor(status.getCode());
        @SuppressWarnings("unchecked")
        MutableHttpResponse<ApiError> typed = (MutableHttpResponse<ApiError>) response;
        return typed.contentType(MediaType.APPLICATION_JSON_TYPE).body(new ApiError(error, message));
    }
}
