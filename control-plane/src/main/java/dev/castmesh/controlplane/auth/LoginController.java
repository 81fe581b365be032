package dev.castmesh.controlplane.auth;

import dev.castmesh.api.http.ApiError;
import dev.castmesh.controlplane.http.ClientAddress;
import dev.castmesh.security.AuthErrorHandler;

import dev.castmesh.api.auth.Grant;
import dev.castmesh.api.auth.LoginRequest;
import dev.castmesh.api.auth.TokenResponse;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * {@code POST /api/login}: dashboard accounts → a full-rights JWT valid 24 h (Liveman), answered as
 * {@code {"token", "access_token", "token_type": "Bearer"}}. Failed attempts
 * are limited per client address; the limit is checked before the password, so a blocked client costs
 * no bcrypt work. Neither passwords nor tokens are logged; failed attempts log only the address, since
 * a mistyped username is sometimes a password.
 */
@Controller
final class LoginController {
    private static final Logger LOG = LoggerFactory.getLogger(LoginController.class);

    private final AccountVerifier accounts;
    private final LoginRateLimiter limiter;
    private final TokenIssuer issuer;
    private final JsonBodies bodies;

    LoginController(AccountVerifier accounts, LoginRateLimiter limiter, TokenIssuer issuer, JsonBodies bodies) {
        this.accounts = accounts;
        this.limiter = limiter;
        this.issuer = issuer;
        this.bodies = bodies;
    }

    @Post("/api/login")
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<?> login(HttpRequest<?> request, @Nullable @Body String body) {
        String client = ClientAddress.of(request);
        LoginRequest login = bodies.read(body, LoginRequest.class);
        if (login == null || login.username() == null || login.password() == null) {
            return HttpResponse.badRequest(ApiError.badRequest("the body must be JSON {\"username\": \"...\", \"password\": \"...\"}"));
        }
        // Counted before the (slow) password check, so parallel attempts cannot all pass the limit (issue 10).
        LoginRateLimiter.Attempt attempt = limiter.reserve(client);
        if (!attempt.allowed()) {
            long seconds = Math.max(1, (attempt.retryAfter().toMillis() + 999) / 1000);
            LOG.warn("login refused: too many failed logins from {}", client);
            return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                    .body(ApiError.tooManyRequests("too many failed logins from this address; retry in " + seconds + " s"));
        }
        if (!accounts.verify(login.username(), login.password())) {
            LOG.warn("failed login from {}", client);
            return AuthErrorHandler.unauthorized(accounts.hasAccounts() ? "wrong username or password"
                    : "no dashboard accounts are configured ([[auth.accounts]])", false);
        }
        limiter.release(attempt);
        LOG.info("account '{}' logged in from {}", login.username(), client);
        return HttpResponse.ok(TokenResponse.bearer(issuer.issue(Grant.full(), TokenIssuer.LOGIN_TTL)))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

}
