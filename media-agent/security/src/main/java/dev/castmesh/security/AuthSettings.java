package dev.castmesh.security;

import java.util.List;

/**
 * What the shared auth binding needs from a server's {@code [auth]} section. Each server's own config
 * record implements it (the control plane adds accounts); register that record as a singleton.
 */
public interface AuthSettings {
    /** HS256 key for JWTs (32+ bytes, checked by the config), or null for a random per-process key. */
    String secret();

    /** Static bearer tokens with full rights. */
    List<String> tokens();

    /** Nothing configured: every request is allowed (Live777 "noauth"). */
    boolean isOpen();

    /** Logged at start-up when credentials are configured but {@link #secret()} is not. */
    default String randomKeyWarning() {
        return "auth.secret is not set: JWTs are checked against a random per-process key, so only static tokens"
                + " from auth.tokens are accepted. Set auth.secret (32+ bytes) to accept JWTs.";
    }
}
