package dev.castmesh.controlplane.signaling;

import dev.castmesh.api.http.ApiError;
import dev.castmesh.api.http.ErrorCode;
import dev.castmesh.api.http.SdpBodies;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Refuses a WHIP/WHEP offer or trickle fragment whose declared {@code Content-Length} is over
 * {@link SdpBodies#MAX_BYTES} with the agent's 400 {@code bad_sdp}, before the body is read (a chunked body is measured
 * by {@link SignalingController}).
 */
@ServerFilter({"/whip/**", "/whep/**", "/api/whip/**", "/api/whep/**", "/session/**"})
final class SdpSizeFilter {

    @RequestFilter
    @Nullable
    HttpResponse<?> limit(HttpRequest<?> request) {
        return request.getContentLength() > SdpBodies.MAX_BYTES
                ? tooLarge(request.getPath().startsWith("/session/") ? "fragment" : "offer") : null;
    }

    static HttpResponse<ApiError> tooLarge(String what) {
        return HttpResponse.<ApiError>status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(new ApiError(ErrorCode.BAD_SDP.wire(), SdpBodies.tooLarge(what)));
    }
}
