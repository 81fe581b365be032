package dev.castmesh.controlplane.http;

import dev.castmesh.api.http.ApiError;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ConversionErrorHandlerTest {
    private final ConversionErrorHandler handler = new ConversionErrorHandler();

    private static ConversionErrorException error(String name, Exception cause) {
        return new ConversionErrorException(Argument.of(Object.class, name), () -> cause);
    }

    @Test
    void jsonMismatchNamesThePathWithoutJavaTypes() {
        MismatchedInputException cause = assertThrows(MismatchedInputException.class,
                () -> new ObjectMapper().readValue("{\"size\":\"x\"}", Size.class));
        HttpResponse<ApiError> response = handler.handle(HttpRequest.GET("/"), error("query", cause));
        assertEquals(400, response.code());
        assertEquals(new ApiError("bad_request", "query.size: expected an integer"), response.body());
    }

    @Test
    void otherFailuresNameTheArgument() {
        HttpResponse<ApiError> response = handler.handle(HttpRequest.GET("/"), error("page", new NumberFormatException("For input string: \"x\"")));
        assertEquals(new ApiError("bad_request", "invalid value for page"), response.body());
    }

    record Size(int size) {
    }

}
