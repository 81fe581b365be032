package dev.castmesh.controlplane.http;

import dev.castmesh.api.http.ApiError;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Maps every {@link ApiException} to its status and an {@link ApiError} body, in one place. */
@Produces
@Singleton
final class ApiExceptionHandler implements ExceptionHandler<ApiException, HttpResponse<ApiError>> {

    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, ApiException exception) {
        return PassedStatus.<ApiError>of(exception.status())
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(new ApiError(exception.code(), exception.getMessage()));
    }
}
