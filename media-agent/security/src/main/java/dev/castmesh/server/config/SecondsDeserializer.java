package dev.castmesh.server.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;

import java.io.IOException;
import java.time.Duration;

/** Durations in our TOML files are numbers of seconds, as in Liveman ({@code connect_timeout = 30}). */
final class SecondsDeserializer extends JsonDeserializer<Duration> {
    @Override
    public Duration deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT) {
            long seconds = parser.getLongValue();
            if (seconds < 0) {
                return (Duration) context.handleWeirdNumberValue(Duration.class, seconds, "must not be negative");
            }
            return Duration.ofSeconds(seconds);
        }
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
            double seconds = parser.getDoubleValue();
            if (seconds < 0) {
                return (Duration) context.handleWeirdNumberValue(Duration.class, seconds, "must not be negative");
            }
            return Duration.ofNanos(Math.round(seconds * 1_000_000_000d));
        }
        return (Duration) context.handleUnexpectedToken(Duration.class, parser);
    }
}
