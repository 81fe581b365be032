package dev.castmesh.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.bearer.BearerTokenReader;
import io.micronaut.security.token.reader.DefaultTokenResolver;
import io.micronaut.security.token.reader.TokenResolver;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/**
 * The one token of a request: {@code Authorization: Bearer} (micronaut-security's reader), else {@link QueryToken}.
 * Never both: Micronaut's resolver would hand every token found to the validators, so a valid query token would
 * rescue an invalid header; here the header wins.
 */
@Singleton
@Replaces(DefaultTokenResolver.class)
public final class RequestTokenResolver implements TokenResolver<HttpRequest<?>> {
    private final BearerTokenReader header;

    public RequestTokenResolver(BearerTokenReader header) {
        this.header = header;
    }

    @Override
    public List<String> resolveTokens(HttpRequest<?> request) {
        return resolveToken(request).stream().toList();
    }

    @Override
    public Optional<String> resolveToken(HttpRequest<?> request) {
        Optional<String> fromHeader = header.findToken(request);
        return fromHeader.isPresent() ? fromHeader : QueryToken.of(request);
    }
}
