package dev.castmesh.agent.http;

import dev.castmesh.api.http.ApiError;
import dev.castmesh.gst.errors.BadSdpException;
import dev.castmesh.gst.errors.EngineFullException;
import dev.castmesh.gst.errors.MediaException;
import dev.castmesh.gst.errors.NegotiationTimeoutException;
import dev.castmesh.gst.errors.SessionNotFoundException;
import dev.castmesh.gst.errors.StreamAlreadyPublishedException;
import dev.castmesh.gst.errors.StreamNotFoundException;
import dev.castmesh.gst.errors.UnsupportedCodecException;
import dev.castmesh.gst.record.RecordingActiveException;
import dev.castmesh.gst.record.RecordingUnsupportedException;
import io.micronaut.context.annotation.Factory;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one mapping of errors to HTTP codes (STYLE.md §7): the engine's typed errors, the HTTP layer's own
 * {@link ApiException}s, and anything else as a 500 without details. Bodies are {@link ApiError} JSON.
 */
@Factory
final class ErrorHandlers {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandlers.class);

    static HttpStatus statusOf(MediaException e) {
        if (e instanceof StreamNotFoundException || e instanceof SessionNotFoundException) {
            return HttpStatus.NOT_FOUND;
        }
        if (e instanceof StreamAlreadyPublishedException || e instanceof RecordingActiveException) {
            return HttpStatus.CONFLICT;
        }
        if (e instanceof UnsupportedCodecException || e instanceof RecordingUnsupportedException) {
            return HttpStatus.UNPROCESSABLE_ENTITY;
        }
        if (e instanceof BadSdpException) {
            return HttpStatus.BAD_REQUEST;
        }
        if (e instanceof NegotiationTimeoutException || e instanceof EngineFullException) {
            return HttpStatus.SERVICE_UNAVAILABLE;
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }

    static MutableHttpResponse<ApiError> json(HttpStatus status, String error, String message) {
        return HttpResponse.<ApiError>status(status).contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(new ApiError(error, message));
    }

    @Singleton
    ExceptionHandler<MediaException, MutableHttpResponse<ApiError>> media() {
        return (HttpRequest request, MediaException e) -> {
            LOG.atInfo().addKeyValue("path", request.getPath()).addKeyValue("error", e.code()).log("media request refused");
            return json(statusOf(e), e.code(), e.getMessage());
        };
    }

    @Singleton
    ExceptionHandler<ApiException, MutableHttpResponse<ApiError>> api() {
        return (HttpRequest request, ApiException e) -> json(e.status(), e.error(), e.getMessage());
    }

    @Singleton
    ExceptionHandler<IllegalArgumentException, MutableHttpResponse<ApiError>> illegalArgument() {
        return (HttpRequest request, IllegalArgumentException e) -> json(HttpStatus.BAD_REQUEST, "bad_request", e.getMessage());
    }

    @Singleton
    ExceptionHandler<IllegalStateException, MutableHttpResponse<ApiError>> illegalState() {
        return (HttpRequest request, IllegalStateException e) -> {
            LOG.atWarn().addKeyValue("path", request.getPath()).log("request failed: " + e.getMessage());
            return json(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "the media engine failed; see the agent log");
        };
    }
}
