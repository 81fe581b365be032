package dev.castmesh.security;

import dev.castmesh.api.auth.Grant;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * {@code [auth] tokens}: static bearer tokens with full rights. Runs before the JWT validator. Compares
 * SHA-256 digests with {@link MessageDigest#isEqual} against every configured token, so neither the
 * content nor the length of a guess shows in the timing.
 */
@Singleton
public final class StaticTokenValidator implements TokenValidator<HttpRequest<?>> {
    static final String NAME = "static-token";

    private final List<byte[]> digests;

    public StaticTokenValidator(AuthSettings auth) {
        this.digests = auth.tokens().stream().map(StaticTokenValidator::sha256).toList();
    }

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        return matches(token) ? Publishers.just(Grants.authentication(NAME, Grant.full())) : Publishers.empty();
    }

    public boolean matches(String token) {
        if (token == null || digests.isEmpty()) {
            return false;
        }
        byte[] presented = sha256(token);
        boolean found = false;
        for (byte[] digest : digests) {
            found |= MessageDigest.isEqual(digest, presented);
        }
        return found;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    public static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
