package dev.castmesh.server.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a TOML file into validated records. Keys are snake_case, unknown keys are refused, durations
 * are seconds, and every mistake becomes a {@link ConfigException} whose message names the key.
 */
public final class TomlConfigLoader {
    private static final Pattern FIELD_PROBLEM = Pattern.compile("([a-z][a-z0-9_]*): (.+)", Pattern.DOTALL);
    private final ObjectMapper mapper = TomlMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            // A wrong value type is a mistake: no "8888" -> 8888, 8888 -> "8888" or "yes" -> true.
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfig(LogicalType.Textual, config -> config
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
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
            throw new ConfigException("key '" + keyOf(e) + "': " + describe(e) + " is not " + expected(e.getTargetType()));
        } catch (MismatchedInputException e) {
            throw new ConfigException("key '" + keyOf(e) + "': expected " + expected(e.getTargetType()));
        } catch (JsonMappingException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ConfigException || cause instanceof IllegalArgumentException) {
                throw new ConfigException(invalidValue(keyOf(e), cause.getMessage()));
            }
            throw new ConfigException("key '" + keyOf(e) + "': wrong type or value ("
                    + firstLine(e.getOriginalMessage()) + ")");
        } catch (JacksonException e) {
            JsonLocation location = e.getLocation();
            throw new ConfigException("malformed TOML" + (location != null && location.getLineNr() > 0
                    ? " at line " + location.getLineNr() : "") + ": " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ConfigException("cannot parse config: " + e.getMessage());
        }
    }

    private static String keyOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /**
     * Records reject values in their constructor with {@code "field: problem"} (the field as in TOML); the key is
     * the section's path plus that field.
     */
    private static String invalidValue(String section, String message) {
        Matcher field = FIELD_PROBLEM.matcher(message == null ? "" : message);
        if (field.matches()) {
            return "key '" + (section.isEmpty() ? "" : section + ".") + field.group(1) + "': " + field.group(2);
        }
        return "key '" + section + "': " + message;
    }

    /** What a value of the target type looks like in TOML. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Duration.class) {
            return "a number of seconds";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT);
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "a table";
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
