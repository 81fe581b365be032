package dev.castmesh.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.order.OrderUtil;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import io.micronaut.security.token.TokenAuthenticationFetcher;
import io.micronaut.security.token.reader.TokenResolver;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

import java.util.List;

/**
 * Replaces micronaut-security's {@link TokenAuthenticationFetcher}, which publishes a
 * {@code TokenValidatedEvent} whose {@code toString()} holds the raw token (and Micronaut's event
 * publisher logs every event at DEBUG), and keeps the token in a request attribute. This one asks the
 * same {@link TokenValidator}s, one after the other in their order (static tokens first, so a static
 * token is never handed to the JWT parser), and keeps the token nowhere.
 */
@Singleton
@Replaces(TokenAuthenticationFetcher.class)
public final class BearerAuthenticationFetcher implements AuthenticationFetcher<HttpRequest<?>> {
    private final List<TokenValidator<HttpRequest<?>>> validators;
    private final TokenResolver<HttpRequest<?>> resolver;

    BearerAuthenticationFetcher(List<TokenValidator<HttpRequest<?>>> validators, TokenResolver<HttpRequest<?>> resolver) {
        this.validators = validators.stream().sorted(OrderUtil.COMPARATOR).toList();
        this.resolver = resolver;
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        List<String> tokens = resolver.resolveTokens(request);
        if (tokens == null || tokens.isEmpty()) {
            return Flux.empty();
        }
        return Flux.fromIterable(tokens)
                .concatMap(token -> Flux.fromIterable(validators).concatMap(validator -> validator.validateToken(token, request)))
                .next();
    }

    @Override
    public int getOrder() {
        return TokenAuthenticationFetcher.ORDER;
    }
}
