package dev.castmesh.controlplane.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * Reads a TOML file into validated records. Keys are snake_case, unknown keys are refused, durations
 * are seconds, and every mistake becomes a {@link ConfigException} whose message names the key.
 */
public final class TomlConfigLoader {
    private final ObjectMapper mapper = TomlMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .addModule(new SimpleModule().addDeserializer(Duration.class, new SecondsDeserializer()))
            .build();

    public <T> T read(Path file, Class<T> type) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException("config file not found: " + file);
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
        }
        try {
            return parse(text, type);
        } catch (ConfigException e) {
            throw new ConfigException(file + ": " + e.getMessage());
        }
    }

    public <T> T parse(String toml, Class<T> type) {
        try {
            T value = mapper.readValue(toml, type);
            return value != null ? value : mapper.readValue("", type);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException("unknown key '" + keyOf(e) + "'");
        } catch (InvalidFormatException e) {
            throw new ConfigException("key '" + keyOf(e) + "': " + describe(e) + " is not a valid "
                    + e.getTargetType().getSimpleName().toLowerCase());
        } catch (JsonMappingException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ConfigException || cause instanceof IllegalArgumentException) {
                throw new ConfigException("key '" + keyOf(e) + "': " + cause.getMessage());
            }
            throw new ConfigException("key '" + keyOf(e) + "': wrong type or value ("
                    + firstLine(e.getOriginalMessage()) + ")");
        } catch (JacksonException e) {
            throw new ConfigException("malformed TOML: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ConfigException("cannot parse config: " + e.getMessage());
        }
    }

    private static String keyOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String describe(InvalidFormatException e) {
        return "'" + e.getValue() + "'";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
