package dev.castmesh.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.security.token.bearer.BearerTokenConfigurationProperties;
import io.micronaut.security.token.bearer.BearerTokenReader;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The request as {@link QueryTokenEdge} hands it on: a query token in {@link QueryToken#HEADER}. */
class RequestTokenResolverTest {
    private final RequestTokenResolver resolver =
            new RequestTokenResolver(new BearerTokenReader(new BearerTokenConfigurationProperties()));

    private static MutableHttpRequest<?> fromQuery(String token) {
        return HttpRequest.GET("/api/x").header(QueryToken.HEADER, token);
    }

    @Test
    void readsTheHeaderOrTheQuery() {
        assertEquals(List.of("h.e.ader"), resolver.resolveTokens(HttpRequest.GET("/api/x")
                .header("Authorization", "Bearer h.e.ader")));
        assertEquals(List.of("q.u.ery"), resolver.resolveTokens(fromQuery("q.u.ery")));
        assertEquals(List.of(), resolver.resolveTokens(HttpRequest.GET("/api/x?a=1")));
        assertEquals(List.of(), resolver.resolveTokens(fromQuery("")), "an empty token is none");
    }

    @Test
    void theHeaderWinsAndIsTheOnlyToken() {
        HttpRequest<?> both = fromQuery("q.u.ery").header("Authorization", "Bearer h.e.ader");
        assertEquals(List.of("h.e.ader"), resolver.resolveTokens(both), "never both: a good query token rescues no bad header");
        assertEquals(Optional.empty(), QueryToken.of(both));
        HttpRequest<?> basic = fromQuery("q.u.ery").header("Authorization", "Basic dTpw");
        assertEquals(List.of(), resolver.resolveTokens(basic), "any Authorization header wins, even one that is no bearer");
    }

    @Test
    void aQueryTokenCountsAsSent() {
        assertTrue(BearerChallenge.hasBearerToken(fromQuery("bad")));
        assertTrue(BearerChallenge.hasBearerToken(HttpRequest.GET("/api/x").header("Authorization", "bearer bad")));
        assertFalse(BearerChallenge.hasBearerToken(HttpRequest.GET("/api/x?token=bad")),
                "a query the edge did not see counts for nothing");
    }
}
