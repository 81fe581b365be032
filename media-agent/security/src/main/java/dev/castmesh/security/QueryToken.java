package dev.castmesh.security;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code ?token=}: the bearer token of clients that cannot send headers ({@code <video>} tags, players, encoders).
 * It counts only when the request has no {@code Authorization} header (the header wins, whatever it holds), and is
 * checked exactly like the header's token. It is never logged: {@link #strip} takes it out of a query before the
 * query is passed on or shown.
 */
public final class QueryToken {
    public static final String PARAMETER = "token";

    private QueryToken() {
    }

    /** The query's token, when it is the one that counts (no {@code Authorization} header). */
    public static Optional<String> of(HttpRequest<?> request) {
        if (request.getHeaders().contains(HttpHeaders.AUTHORIZATION)) {
            return Optional.empty();
        }
        String query = request.getUri().getRawQuery();
        if (query == null) {
            return Optional.empty();
        }
        return Arrays.stream(query.split("&"))
                .filter(pair -> pair.startsWith(PARAMETER + "="))
                .map(pair -> decode(pair.substring(PARAMETER.length() + 1)))
                .findFirst()
                .filter(token -> !token.isEmpty());
    }

    /** A malformed escape stays as sent: no token has one, so it is refused like any wrong token (401). */
    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }

    /** A raw query without its {@code token} parameters (null when nothing is left, or for null). */
    public static String strip(String rawQuery) {
        if (rawQuery == null) {
            return null;
        }
        String kept = Arrays.stream(rawQuery.split("&"))
                .filter(pair -> !pair.isEmpty() && !pair.equals(PARAMETER) && !pair.startsWith(PARAMETER + "="))
                .collect(Collectors.joining("&"));
        return kept.isEmpty() ? null : kept;
    }
}
