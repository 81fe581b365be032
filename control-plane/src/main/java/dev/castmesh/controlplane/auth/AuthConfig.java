package dev.castmesh.controlplane.auth;

import dev.castmesh.security.AuthSettings;
import dev.castmesh.security.AuthValues;
import dev.castmesh.server.config.ConfigException;
import dev.castmesh.server.config.ConfigException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code [auth]} section. Nothing configured means open access (Live777 "noauth").
 *
 * <p>Validated on construction; mistakes name the key. Never printed with its secrets: {@link #toString()}
 * masks them.
 *
 * @param secret   HS256 key for JWTs, at least {@value #MIN_SECRET_BYTES} bytes (UTF-8) when set; without it,
 *                 tokens are signed with a random per-process key (see {@link SigningKeyFactory})
 * @param tokens   static bearer tokens with full rights
 * @param accounts dashboard accounts for {@code POST /api/login}
 */
public record AuthConfig(String secret, List<String> tokens, List<Account> accounts) implements AuthSettings {
    /** HS256 needs a 256-bit key (RFC 7518 §3.2); shorter secrets stop start-up. */
    public static final int MIN_SECRET_BYTES = AuthValues.MIN_SECRET_BYTES;

    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$\\d{2}\\$[./A-Za-z0-9]{53}");
    private static final Pattern BCRYPT_PREFIX = Pattern.compile("\\$2[aby]?\\$.*", Pattern.DOTALL);

    public AuthConfig {
        secret = AuthValues.secret(secret);
        tokens = AuthValues.tokens(tokens);
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
        Set<String> usernames = new HashSet<>();
        for (int i = 0; i < accounts.size(); i++) {
            Account account = accounts.get(i);
            String key = "auth.accounts[" + i + "]";
            if (account == null || account.username() == null || account.username().isBlank()) {
                throw new ConfigException(key + ".username must not be empty");
            }
            if (account.password() == null || account.password().isEmpty()) {
                throw new ConfigException(key + ".password must not be empty");
            }
            if (BCRYPT_PREFIX.matcher(account.password()).matches() && !BCRYPT.matcher(account.password()).matches()) {
                throw new ConfigException(key + ".password starts like a bcrypt hash but is not one"
                        + " ($2a$/$2b$/$2y$, cost, 53 characters of salt and hash)");
            }
            if (!usernames.add(account.username())) {
                throw new ConfigException(key + ".username '" + account.username() + "' is listed twice");
            }
        }
    }

    public static AuthConfig open() {
        return new AuthConfig(null, List.of(), List.of());
    }

    /** No secret, no tokens, no accounts: every request is allowed. */
    @Override
    public boolean isOpen() {
        return secret == null && tokens.isEmpty() && accounts.isEmpty();
    }

    /** A {@code [[auth.accounts]]} entry; {@code password} is plain text or a bcrypt hash ({@code $2a$…}, {@code $2b$…}, {@code $2y$…}). */
    public record Account(String username, String password) {
        /** Whether the configured password is a bcrypt hash rather than the plain password. */
        public boolean isBcrypt() {
            return password != null && BCRYPT.matcher(password).matches();
        }

        @Override
        public String toString() {
            return "Account[username=" + username + ", password=***]";
        }
    }

    @Override
    public String randomKeyWarning() {
        return "auth.secret is not set: tokens from /api/login and /api/token are signed with a random"
                + " per-process key; they stop working when this control plane restarts and are not"
                + " accepted by other control-plane instances. Set auth.secret (32+ bytes) to keep them.";
    }

    @Override
    public String toString() {
        List<String> names = new ArrayList<>();
        accounts.forEach(account -> names.add(account.username()));
        return "AuthConfig[secret=" + (secret == null ? "none" : "***") + ", tokens=" + tokens.size()
                + ", accounts=" + names + "]";
    }
}
