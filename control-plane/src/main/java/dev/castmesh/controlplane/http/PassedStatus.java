package dev.castmesh.controlplane.http;

import dev.castmesh.api.http.ApiError;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;

/**
 * A response with a status an agent answered, also one {@link io.micronaut.http.HttpStatus} has no constant for
 * (a proxy's 499, a CDN's 520, a 299): {@code HttpStatus.valueOf} throws for those, which became a 500. A code
 * outside 200–599 cannot be passed on and is 502. Pure.
 */
public final class PassedStatus {
    private PassedStatus() {
    }

    public static <T> MutableHttpResponse<T> of(int status) {
        int code = status < 200 || status > 599 ? 502 : status;
        return HttpResponse.status(code, ApiError.reason(code));
    }
}
