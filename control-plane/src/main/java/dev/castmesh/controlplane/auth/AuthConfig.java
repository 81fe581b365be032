package dev.castmesh.controlplane.auth;

import java.util.List;

/**
 * The {@code [auth]} section. Nothing configured means open access (Live777 "noauth").
 *
 * @param secret   HS256 key for JWTs; at least 32 bytes when set
 * @param tokens   static bearer tokens with full rights
 * @param accounts dashboard accounts for {@code POST /api/login}
 */
public record AuthConfig(String secret, List<String> tokens, List<Account> accounts) {

    public AuthConfig {
        tokens = tokens == null ? List.of() : List.copyOf(tokens);
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
    }

    public static AuthConfig open() {
        return new AuthConfig(null, List.of(), List.of());
    }

    public boolean isOpen() {
        return (secret == null || secret.isEmpty()) && tokens.isEmpty() && accounts.isEmpty();
    }

    /** A {@code [[auth.accounts]]} entry; {@code password} is plain text or a bcrypt hash ({@code $2a$…}). */
    public record Account(String username, String password) {
        @Override
        public String toString() {
            return "Account[username=" + username + ", password=***]";
        }
    }

    @Override
    public String toString() {
        return "AuthConfig[secret=" + (secret == null ? "none" : "***") + ", tokens=" + tokens.size()
                + ", accounts=" + accounts + "]";
    }
}
