package dev.castmesh.agent.http;

import dev.castmesh.api.http.ApiError;
import dev.castmesh.api.http.ErrorCode;
import dev.castmesh.gst.errors.BadSdpException;
import dev.castmesh.gst.errors.EngineFullException;
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

import java.util.Map;

/**
 * The one mapping of errors to HTTP codes (STYLE.md §7): the engine's typed errors, the HTTP layer's own
 * {@link ApiException}s, and anything else as a 500 without details. Bodies are {@link ApiError} JSON.
 */
@Factory
final class ErrorHandlers {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandlers.class);

    /** A refusal as the HTTP API answers it. */
    record Refusal(HttpStatus status, ErrorCode code) {
    }

    /** The engine's typed errors, each with its status and code: the one table (no instanceof chains elsewhere). */
    static final Map<Class<? extends MediaException>, Refusal> MEDIA = Map.of(
            StreamNotFoundException.class, new Refusal(HttpStatus.NOT_FOUND, ErrorCode.STREAM_NOT_FOUND),
            SessionNotFoundException.class, new Refusal(HttpStatus.NOT_FOUND, ErrorCode.SESSION_NOT_FOUND),
            StreamAlreadyPublishedException.class, new Refusal(HttpStatus.CONFLICT, ErrorCode.STREAM_ALREADY_PUBLISHED),
            RecordingActiveException.class, new Refusal(HttpStatus.CONFLICT, ErrorCode.RECORDING_ACTIVE),
            UnsupportedCodecException.class, new Refusal(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.UNSUPPORTED_CODEC),
            RecordingUnsupportedException.class,
            new Refusal(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.RECORDING_UNSUPPORTED),
            BadSdpException.class, new Refusal(HttpStatus.BAD_REQUEST, ErrorCode.BAD_SDP),
            EngineFullException.class, new Refusal(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.AGENT_FULL),
            NegotiationTimeoutException.class, new Refusal(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.NEGOTIATION_TIMEOUT));
    private static final Refusal UNMAPPED = new Refusal(HttpStatus.INTERNAL_SERVER_ERROR, ErrorCode.INTERNAL);

    static Refusal refusalOf(MediaException e) {
        return MEDIA.getOrDefault(e.getClass(), UNMAPPED);
    }

    static MutableHttpResponse<ApiError> json(HttpStatus status, ErrorCode error, String message) {
        return HttpResponse.<ApiError>status(status).contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(new ApiError(error.wire(), message));
    }

    @Singleton
    ExceptionHandler<MediaException, MutableHttpResponse<ApiError>> media() {
        return (HttpRequest request, MediaException e) -> {
            LOG.atInfo().addKeyValue("path", request.getPath()).addKeyValue("error", e.code()).log("media request refused");
            Refusal refusal = refusalOf(e);
            return json(refusal.status(), refusal.code(), e.getMessage());
        };
    }

    @Singleton
    ExceptionHandler<ApiException, MutableHttpResponse<ApiError>> api() {
        return (HttpRequest request, ApiException e) -> json(e.status(), e.error(), e.getMessage());
    }

    @Singleton
    ExceptionHandler<IllegalArgumentException, MutableHttpResponse<ApiError>> illegalArgument() {
        return (HttpRequest request, IllegalArgumentException e) -> json(HttpStatus.BAD_REQUEST, ErrorCode.BAD_REQUEST, e.getMessage());
    }

    @Singleton
    ExceptionHandler<IllegalStateException, MutableHttpResponse<ApiError>> illegalState() {
        return (HttpRequest request, IllegalStateException e) -> {
            LOG.atWarn().addKeyValue("path", request.getPath()).log("request failed: " + e.getMessage());
            return json(HttpStatus.INTERNAL_SERVER_ERROR, ErrorCode.INTERNAL, "the media engine failed; see the agent log");
        };
    }
}
