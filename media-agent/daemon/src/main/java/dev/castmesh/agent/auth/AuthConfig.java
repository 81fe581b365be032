package dev.castmesh.agent.auth;

import dev.castmesh.agent.config.ConfigException;
import dev.castmesh.security.AuthSettings;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The agent's {@code [auth]} section: the same rules as the control plane's, without accounts (an agent has
 * no login). Nothing configured means open. The control plane calls the agent with one of {@code tokens}.
 *
 * @param secret HS256 key for JWTs minted by the control plane, at least {@value #MIN_SECRET_BYTES} bytes
 * @param tokens static bearer tokens with full rights
 */
public record AuthConfig(String secret, List<String> tokens) implements AuthSettings {
    /** HS256 needs a 256-bit key (RFC 7518 §3.2). */
    public static final int MIN_SECRET_BYTES = 32;

    public AuthConfig {
        secret = secret == null || secret.isEmpty() ? null : secret;
        tokens = tokens == null ? List.of() : List.copyOf(tokens);
        if (secret != null) {
            int bytes = secret.getBytes(StandardCharsets.UTF_8).length;
            if (bytes < MIN_SECRET_BYTES) {
                throw new ConfigException("auth.secret is " + bytes + " bytes; HS256 needs at least "
                        + MIN_SECRET_BYTES + " (256 bits), e.g. `openssl rand -base64 32`");
            }
        }
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i) == null || tokens.get(i).isBlank()) {
                throw new ConfigException("auth.tokens[" + i + "] must not be empty");
            }
        }
    }

    public static AuthConfig open() {
        return new AuthConfig(null, List.of());
    }

    @Override
    public boolean isOpen() {
        return secret == null && tokens.isEmpty();
    }

    @Override
    public String toString() {
        return "AuthConfig[secret=" + (secret == null ? "none" : "***") + ", tokens=" + tokens.size() + "]";
    }
}
