package dev.castmesh.controlplane.http;

import dev.castmesh.api.http.ApiError;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * A request value Micronaut could not bind ({@code ?page=x} into an {@code int}, a JSON body of the wrong shape):
 * 400 naming the argument, without Java type names.
 */
@Produces
@Singleton
@Replaces(io.micronaut.http.server.exceptions.ConversionErrorHandler.class)
final class ConversionErrorHandler implements ExceptionHandler<ConversionErrorException, HttpResponse<ApiError>> {

    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, ConversionErrorException exception) {
        String name = exception.getArgument().getName();
        Throwable cause = exception.getConversionError().getCause();
        String message;
        if (cause instanceof MismatchedInputException mismatch) {
            message = JsonPaths.path(name, mismatch) + ": expected " + JsonPaths.expected(mismatch.getTargetType());
        } else if (cause instanceof JsonMappingException mapping) {
            message = JsonPaths.path(name, mapping) + ": invalid value";
        } else {
            message = "invalid value for " + name;
        }
        return HttpResponse.<ApiError>status(HttpStatus.BAD_REQUEST)
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(new ApiError("bad_request", message));
    }
}
