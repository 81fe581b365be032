package dev.castmesh.controlplane.http;

import dev.castmesh.api.http.ApiError;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/**
 * Gives Micronaut's own errors (no route: 404, wrong method: 405, wrong content type: 415, unreadable body or
 * parameter: 400, unexpected exception: 500) the same {@link ApiError} body as ours. Server-side failures never
 * show their message: it may quote SQL or a database URL.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
final class JsonErrorResponseProcessor implements ErrorResponseProcessor<ApiError> {

    @Override
    public MutableHttpResponse<ApiError> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        int status = response.code();
        @SuppressWarnings("unchecked")
        MutableHttpResponse<ApiError> typed = (MutableHttpResponse<ApiError>) response;
        if (context.getRequest().getMethod() == HttpMethod.HEAD) {
            return typed;
        }
        String message = status >= 500
                ? ApiError.reason(status)
                : ApiError.clean(context.getErrors().stream().map(Error::getMessage).findFirst().orElse(null),
                ApiError.reason(status));
        return typed.contentType(MediaType.APPLICATION_JSON_TYPE).body(new ApiError(ApiError.codeFor(status), message));
    }
}
