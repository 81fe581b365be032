package dev.castmesh.agent.auth;

import dev.castmesh.security.AuthSettings;
import dev.castmesh.security.AuthValues;

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
    public static final int MIN_SECRET_BYTES = AuthValues.MIN_SECRET_BYTES;

    public AuthConfig {
        secret = AuthValues.secret(secret);
        tokens = AuthValues.tokens(tokens);
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
