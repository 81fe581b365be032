package dev.castmesh.controlplane.auth;

import dev.castmesh.api.http.ApiError;
import dev.castmesh.security.AuthErrorHandler;
import dev.castmesh.security.Grants;

import dev.castmesh.api.auth.AccessMode;
import dev.castmesh.api.auth.AccessPolicy;
import dev.castmesh.api.auth.Grant;
import dev.castmesh.api.auth.StreamIds;
import dev.castmesh.api.auth.TokenRequest;
import dev.castmesh.api.auth.TokenResponse;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.authentication.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code POST /api/token} {@code {"id": stream or "*", "mode": 1..7, "duration": seconds}}, or Liveman's
 * {@code {"id", "duration", "subscribe", "publish", "admin"}} with booleans, → a JWT ({@link TokenResponse}).
 * The rights table lets only admin tokens for {@code *} in; on top, a caller cannot mint rights it does
 * not hold itself (an admin-only token cannot mint publish tokens). Duration defaults to
 * {@link TokenIssuer#DEFAULT_TTL} and is capped at {@link TokenIssuer#MAX_TTL}: longer requests get a 400. Nor may a
 * minted token outlive the JWT that mints it: a longer duration is a 400, the default is shortened to fit.
 */
@Controller
final class TokenController {
    private static final Logger LOG = LoggerFactory.getLogger(TokenController.class);

    private final TokenIssuer issuer;
    private final AccessPolicy policy;
    private final JsonBodies bodies;
    private final Clock clock;

    TokenController(TokenIssuer issuer, AccessPolicy policy, JsonBodies bodies, Clock clock) {
        this.issuer = issuer;
        this.clock = clock;
        this.policy = policy;
        this.bodies = bodies;
    }

    @Post("/api/token")
    HttpResponse<?> mint(@Nullable @Body String body, @Nullable Authentication authentication) {
        Grant caller = policy.isOpen() ? Grant.full() : Grants.of(authentication);
        if (caller == null) {
            return AuthErrorHandler.unauthorized("this route needs a bearer token", false);
        }
        TokenRequest request = bodies.read(body, TokenRequest.class);
        if (request == null) {
            return HttpResponse.badRequest(ApiError.badRequest("the body must be JSON {\"id\": \"stream or *\", \"mode\": 1-7, \"duration\": seconds} or {\"id\", \"duration\", \"subscribe\", \"publish\", \"admin\"} with true/false"));
        }
        if (!StreamIds.isValidGrantId(request.id())) {
            return HttpResponse.badRequest(ApiError.badRequest("id must be \"*\" or a stream id of 1-" + StreamIds.MAX_LENGTH
                    + " characters from A-Z a-z 0-9 . _ ~ -"));
        }
        if (request.mode() != null && request.hasFlags()) {
            return HttpResponse.badRequest(ApiError.badRequest("give either mode or subscribe/publish/admin, not both"));
        }
        int mode = request.hasFlags() ? request.flagsMode() : request.mode() == null ? 0 : request.mode();
        if (request.hasFlags() && mode == 0) {
            return HttpResponse.badRequest(ApiError.badRequest("at least one of subscribe, publish and admin must be true"));
        }
        if (mode < 1 || mode > AccessMode.ALL) {
            return HttpResponse.badRequest(ApiError.badRequest("mode must be 1 to 7: the sum of 4 (subscribe), 2 (publish), 1 (admin);"
                    + " or give Liveman's booleans subscribe, publish, admin"));
        }
        long seconds = request.durationSeconds() == null ? TokenIssuer.DEFAULT_TTL.toSeconds() : request.durationSeconds();
        if (seconds < 1 || seconds > TokenIssuer.MAX_TTL.toSeconds()) {
            return HttpResponse.badRequest(ApiError.badRequest("duration must be 1 to " + TokenIssuer.MAX_TTL.toSeconds() + " seconds"));
        }
        Instant minterExpires = Grants.expiry(authentication).orElse(null);
        if (minterExpires != null) {
            // A minted token never outlives the token that minted it (issue 10 finding 13).
            long left = Duration.between(clock.instant(), minterExpires).toSeconds();
            if (request.durationSeconds() != null && seconds > left) {
                return HttpResponse.badRequest(ApiError.badRequest("duration must be at most " + Math.max(left, 0)
                        + " seconds: the token that mints it expires then"));
            }
            seconds = Math.max(1, Math.min(seconds, left));
        }
        Grant wanted = new Grant(request.id(), mode);
        if (!caller.includes(wanted)) {
            return HttpResponse.status(HttpStatus.FORBIDDEN).body(ApiError.forbidden("cannot mint " + wanted
                    + " with a token that only grants " + caller));
        }
        LOG.info("minted a token for {} valid {} s", wanted, seconds);
        return HttpResponse.ok(TokenResponse.bearer(issuer.issue(wanted, Duration.ofSeconds(seconds))))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
