package dev.castmesh.security;

import dev.castmesh.server.config.ConfigException;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The rules for {@code auth.secret} and {@code auth.tokens} that both servers' {@code [auth]} records apply in
 * their constructors; a mistake is a {@link ConfigException} that names the key.
 */
public final class AuthValues {
    /** HS256 needs a 256-bit key (RFC 7518 §3.2); shorter secrets stop start-up. */
    public static final int MIN_SECRET_BYTES = 32;

    private AuthValues() {
    }

    /** The secret, null when unset or empty; at least {@value #MIN_SECRET_BYTES} bytes (UTF-8) when set. */
    public static String secret(String secret) {
        if (secret == null || secret.isEmpty()) {
            return null;
        }
        int bytes = secret.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < MIN_SECRET_BYTES) {
            throw new ConfigException("auth.secret is " + bytes + " bytes; HS256 needs at least "
                    + MIN_SECRET_BYTES + " (256 bits), e.g. `openssl rand -base64 32`");
        }
        return secret;
    }

    /** An immutable copy, empty when unset; no token may be empty or blank. */
    public static List<String> tokens(List<String> tokens) {
        if (tokens == null) {
            return List.of();
        }
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i) == null || tokens.get(i).isBlank()) {
                throw new ConfigException("auth.tokens[" + i + "] must not be empty");
            }
        }
        return List.copyOf(tokens);
    }
}
