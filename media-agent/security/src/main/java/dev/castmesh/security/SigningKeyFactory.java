package dev.castmesh.security;

import io.micronaut.context.annotation.Factory;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The one HS256 key, used by micronaut-security-jwt to sign ({@code @Named("generator")}) and to verify.
 *
 * <p>Built here from {@link AuthSettings} rather than from {@code micronaut.security.token.jwt.signatures.*}
 * properties, so the secret is never part of the Micronaut environment. Without {@code auth.secret} a
 * random 256-bit key is made per process: logins and minted tokens then work until the process stops
 * (and only on this instance). The bean is declared as the interface: {@link SecretSignature}'s own
 * {@code @EachBean} would otherwise tie it to signature properties we do not set. There is always a key, so unsigned ({@code alg: none}) tokens are never
 * accepted, which micronaut-security would do if no signature were configured.
 */
@Factory
public final class SigningKeyFactory {
    private static final Logger LOG = LoggerFactory.getLogger(SigningKeyFactory.class);
    static final int RANDOM_KEY_BYTES = 32;

    @Singleton
    @Named("generator")
    SignatureGeneratorConfiguration signature(AuthSettings auth) {
        SecretSignatureConfiguration configuration = new SecretSignatureConfiguration("castmesh");
        if (auth.secret() != null) {
            configuration.setSecret(auth.secret());
        } else {
            byte[] key = new byte[RANDOM_KEY_BYTES];
            new SecureRandom().nextBytes(key);
            configuration.setBase64(true);
            configuration.setSecret(Base64.getEncoder().encodeToString(key));
            if (!auth.isOpen()) {
                LOG.warn(auth.randomKeyWarning());
            }
        }
        return new SecretSignature(configuration);
    }
}
