package dev.castmesh.security;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;

import java.util.Locale;

/** The {@code WWW-Authenticate} value of our 401s (RFC 6750 §3). */
public final class BearerChallenge {
    public static final String REALM = "castmesh";

    private BearerChallenge() {
    }

    public static String header(boolean invalidToken) {
        return "Bearer realm=\"" + REALM + "\"" + (invalidToken ? ", error=\"invalid_token\"" : "");
    }

    /**
     * Whether the request carried a token: {@code Authorization: Bearer ...}, or {@link QueryToken} (the value itself
     * is not kept). A bad query token gets the same 401 as a bad header.
     */
    public static boolean hasBearerToken(HttpRequest<?> request) {
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.toLowerCase(Locale.ROOT).startsWith("bearer ")
                || QueryToken.of(request).isPresent();
    }
}
