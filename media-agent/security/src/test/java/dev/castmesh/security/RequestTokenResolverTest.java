package dev.castmesh.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.bearer.BearerTokenConfigurationProperties;
import io.micronaut.security.token.bearer.BearerTokenReader;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestTokenResolverTest {
    private final RequestTokenResolver resolver =
            new RequestTokenResolver(new BearerTokenReader(new BearerTokenConfigurationProperties()));

    @Test
    void readsTheHeaderOrTheQuery() {
        assertEquals(List.of("h.e.ader"), resolver.resolveTokens(HttpRequest.GET("/api/x")
                .header("Authorization", "Bearer h.e.ader")));
        assertEquals(List.of("q.u.ery"), resolver.resolveTokens(HttpRequest.GET("/api/x?a=1&token=q.u.ery")));
        assertEquals(List.of(), resolver.resolveTokens(HttpRequest.GET("/api/x?a=1")));
        assertEquals(List.of(), resolver.resolveTokens(HttpRequest.GET("/api/x?token=")), "an empty token is none");
        assertEquals(List.of("a+b/c"), resolver.resolveTokens(HttpRequest.GET("/api/x?token=a%2Bb%2Fc")), "URL-decoded");
    }

    @Test
    void theHeaderWinsAndIsTheOnlyToken() {
        HttpRequest<?> both = HttpRequest.GET("/api/x?token=q.u.ery").header("Authorization", "Bearer h.e.ader");
        assertEquals(List.of("h.e.ader"), resolver.resolveTokens(both), "never both: a good query token rescues no bad header");
        assertEquals(Optional.empty(), QueryToken.of(both));
        HttpRequest<?> basic = HttpRequest.GET("/api/x?token=q.u.ery").header("Authorization", "Basic dTpw");
        assertEquals(List.of(), resolver.resolveTokens(basic), "any Authorization header wins, even one that is no bearer");
    }

    @Test
    void aQueryTokenCountsAsSent() {
        assertTrue(BearerChallenge.hasBearerToken(HttpRequest.GET("/api/x?token=bad")));
        assertTrue(BearerChallenge.hasBearerToken(HttpRequest.GET("/api/x").header("Authorization", "bearer bad")));
        assertFalse(BearerChallenge.hasBearerToken(HttpRequest.GET("/api/x?tokens=bad")));
    }

    @Test
    void stripTakesOnlyTheTokenOut() {
        assertEquals("a=1&b=2", QueryToken.strip("a=1&token=x.y.z&b=2"));
        assertEquals("tokens=1&mytoken=2", QueryToken.strip("token=x&tokens=1&mytoken=2&token"));
        assertNull(QueryToken.strip("token=x"));
        assertNull(QueryToken.strip(null));
        assertEquals("a=1", QueryToken.strip("a=1"));
    }
}
