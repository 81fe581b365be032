package dev.castmesh.controlplane.http;

import dev.castmesh.api.http.ApiError;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ApiErrorTest {

    @Test
    void codes() {
        assertEquals("bad_request", ApiError.codeFor(400));
        assertEquals("not_found", ApiError.codeFor(404));
        assertEquals("unsupported_media_type", ApiError.codeFor(415));
        assertEquals("internal_error", ApiError.codeFor(500));
        assertEquals("service_unavailable", ApiError.codeFor(503));
        assertEquals("error_418", ApiError.codeFor(418));
        assertEquals("not found", ApiError.reason(404));
    }

    @Test
    void cleanKeepsOneBoundedLine() {
        assertEquals("Unexpected character", ApiError.clean("Unexpected character\n at [Source: x; line: 1]", "f"));
        assertEquals("bad thing", ApiError.clean("bad thing at [Source: (String)\"[{\"; line: 1, column: 3]", "f"));
        assertEquals("fallback", ApiError.clean("  ", "fallback"));
        assertEquals(300, ApiError.clean("x".repeat(1000), "f").length());
    }

    @Test
    void jsonBodyNamesThePlace() {
        JsonBody<List<Map<String, Integer>>> body = new JsonBody<>(new ObjectMapper(),
                new TypeReference<List<Map<String, Integer>>>() { }.getType(), "items");
        assertEquals(List.of(Map.of("a", 1)), body.read("[{\"a\":1}]"));
        assertEquals("items[0].a: expected an integer", refusal(body, "[{\"a\":1.5}]"));
        assertEquals("items[1].b: expected an integer", refusal(body, "[{\"a\":1},{\"b\":\"x\"}]"));
        assertEquals("items: expected an array", refusal(body, "{}"));
        assertEquals("items must not be null", refusal(body, "null"));
        assertEquals("the request body is empty, expected JSON", refusal(body, ""));
        assertEquals("malformed JSON at line 1, column 2", refusal(body, "[x"));
        assertEquals("unexpected text after the JSON value", refusal(body, "[] []"));
    }

    private static String refusal(JsonBody<?> body, String json) {
        return assertThrows(BadRequestException.class, () -> body.read(json)).getMessage();
    }
}
