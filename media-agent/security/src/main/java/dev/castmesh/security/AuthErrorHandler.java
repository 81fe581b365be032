package dev.castmesh.security;

import dev.castmesh.api.http.ApiError;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import jakarta.inject.Singleton;

/**
 * Answers requests that {@link RouteRightsRule} refused: 401 (no or invalid token, with
 * {@code WWW-Authenticate: Bearer}) or 403 (valid token without the right), with a JSON
 * {@code {"error","message"}} body. Never a stack trace, never the token.
 */
@Singleton
@Produces
@Replaces(DefaultAuthorizationExceptionHandler.class)
public final class AuthErrorHandler implements ExceptionHandler<AuthorizationException, MutableHttpResponse<?>> {

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        String reason = request.getAttribute(RouteRightsRule.REASON, String.class).orElse(null);
        if (exception.isForbidden()) {
            return HttpResponse.status(HttpStatus.FORBIDDEN)
                    .body(ApiError.forbidden(reason != null ? reason : "the token does not grant access to this route"));
        }
        boolean tokenSent = BearerChallenge.hasBearerToken(request);
        String message = tokenSent ? "the bearer token is invalid or expired"
                : reason != null ? reason : "this route needs a bearer token";
        return unauthorized(message, tokenSent);
    }

    public static MutableHttpResponse<?> unauthorized(String message, boolean invalidToken) {
        return HttpResponse.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, BearerChallenge.header(invalidToken))
                .body(ApiError.unauthorized(message));
    }
}
