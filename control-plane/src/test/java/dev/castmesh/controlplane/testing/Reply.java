package dev.castmesh.controlplane.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An HTTP answer from the real server, whatever its status. */
public record Reply(int status, String contentType, String body) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static Reply send(HttpClient client, HttpRequest<?> request) {
        try {
            HttpResponse<String> response = client.toBlocking().exchange(request, String.class);
            return new Reply(response.code(), response.getContentType().map(Object::toString).orElse(""),
                    response.getBody().orElse(""));
        } catch (HttpClientResponseException e) {
            return new Reply(e.code(), e.getResponse().getContentType().map(Object::toString).orElse(""),
                    e.getResponse().getBody(String.class).orElse(""));
        }
    }

    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON (" + status + "): " + body, e);
        }
    }

    public static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    /** Asserts our error shape: that status, {@code {"error": code, "message": one line}}, no Java internals. */
    public Reply assertError(int expectedStatus, String code) {
        assertEquals(expectedStatus, status, body);
        assertTrue(contentType.startsWith("application/json"), contentType);
        JsonNode error = json();
        assertEquals(Set.of("error", "message"), fieldNames(error), body);
        assertEquals(code, error.get("error").asText(), body);
        String message = error.get("message").asText();
        assertFalse(message.isBlank(), body);
        assertFalse(message.contains("\n") || message.contains("\tat ") || message.contains("Exception")
                || message.contains("java.") || message.contains("io.micronaut") || message.contains("jackson"), body);
        return this;
    }

    public String message() {
        return json().get("message").asText();
    }
}
