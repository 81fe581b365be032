package dev.castmesh.controlplane.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import java.lang.reflect.Type;

/**
 * Reads a JSON request body strictly and explains any mistake as a 400 that names the place
 * ({@code recordings[2].month: expected an integer}): {@code 1.5} is not an integer, an object is not an array of one, trailing text after the
 * value is refused, and a {@code null} body or item is reported instead of being skipped.
 */
public final class JsonBody<T> {
    private final ObjectReader reader;
    private final String root;

    /**
     * @param mapper the application's mapper (its modules and naming annotations apply)
     * @param type   what to read, e.g. {@code new TypeReference<List<X>>(){}.getType()}
     * @param root   the name used for the body in messages, e.g. {@code "recordings"}
     */
    public JsonBody(ObjectMapper mapper, Type type, String root) {
        this.reader = mapper.readerFor(mapper.getTypeFactory().constructType(type))
                .without(DeserializationFeature.ACCEPT_FLOAT_AS_INT, DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        this.root = root;
    }

    /** @throws BadRequestException if the body is empty, not JSON, or not of the expected shape */
    public T read(String body) {
        if (body == null || body.isBlank()) {
            throw new BadRequestException("the request body is empty, expected JSON");
        }
        T value;
        try {
            value = reader.readValue(body);
        } catch (MismatchedInputException e) {
            if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token")) {
                throw new BadRequestException("unexpected text after the JSON value");
            }
            throw new BadRequestException(JsonPaths.path(root, e) + ": expected " + JsonPaths.expected(e.getTargetType()));
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof JsonProcessingException syntax) {
                throw malformed(syntax);
            }
            throw new BadRequestException(JsonPaths.path(root, e) + ": invalid value");
        } catch (JsonProcessingException e) {
            throw malformed(e);
        }
        if (value == null) {
            throw new BadRequestException(root + " must not be null");
        }
        return value;
    }

    private static BadRequestException malformed(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        return new BadRequestException("malformed JSON" + (location == null ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr()));
    }
}
