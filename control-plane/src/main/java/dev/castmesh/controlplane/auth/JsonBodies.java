package dev.castmesh.controlplane.auth;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads auth request bodies ourselves instead of through argument binding: a body that is not the
 * expected JSON gets a fixed message, never a parser error that could quote a password back.
 */
@Singleton
final class JsonBodies {
    private final JsonMapper mapper;

    JsonBodies(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /** The body as {@code type}, or null when it is missing or not that JSON. */
    <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return mapper.readValue(body.getBytes(StandardCharsets.UTF_8), Argument.of(type));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
