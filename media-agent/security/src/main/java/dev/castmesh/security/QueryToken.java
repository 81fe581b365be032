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
 * {@link QueryTokenEdge} takes it out of the URI as the request arrives (so that no framework log, request event or
 * forwarded query ever holds it) and hands it on in the {@link #HEADER} header, which it first removes from what the
 * client sent. It counts only when the request has no {@code Authorization} header (the header wins, whatever it
 * holds), and is checked exactly like the header's token.
 */
public final class QueryToken {
    public static final String PARAMETER = "token";
    /** Internal: set only by {@link QueryTokenEdge}; a client's own is dropped. */
    static final String HEADER = "X-Castmesh-Query-Token";

    private QueryToken() {
    }

    /** The query's token, when it is the one that counts (no {@code Authorization} header). */
    public static Optional<String> of(HttpRequest<?> request) {
        if (request.getHeaders().contains(HttpHeaders.AUTHORIZATION)) {
            return Optional.empty();
        }
        return Optional.ofNullable(request.getHeaders().get(HEADER)).filter(token -> !token.isEmpty());
    }

    /** The first {@code token} parameter of a raw query, URL-decoded; empty for none or an empty one. */
    static Optional<String> in(String rawQuery) {
        if (rawQuery == null) {
            return Optional.empty();
        }
        return Arrays.stream(rawQuery.split("&"))
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
    static String strip(String rawQuery) {
        if (rawQuery == null) {
            return null;
        }
        String kept = Arrays.stream(rawQuery.split("&"))
                .filter(pair -> !pair.isEmpty() && !pair.equals(PARAMETER) && !pair.startsWith(PARAMETER + "="))
                .collect(Collectors.joining("&"));
        return kept.isEmpty() ? null : kept;
    }
}
