package dev.castmesh.controlplane.auth;

import dev.castmesh.security.StaticTokenValidator;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.List;

/**
 * Checks {@code [[auth.accounts]]} credentials. Plain passwords are compared as SHA-256 digests with
 * {@link MessageDigest#isEqual}; bcrypt hashes ({@code $2a$}, {@code $2b$}, {@code $2y$}) with a bcrypt
 * verify (passwords beyond 72 bytes are truncated, as other bcrypt tools do). Every account is looked at
 * for every attempt, and an unknown username costs a dummy check of the same kind, so timing tells
 * neither which usernames exist nor how close a guess was.
 */
final class AccountVerifier {
    private static final BCrypt.Verifyer BCRYPT = BCrypt.verifyer(BCrypt.Version.VERSION_2A,
            LongPasswordStrategies.truncate(BCrypt.Version.VERSION_2A));

    private final List<Entry> accounts;
    private final Entry dummy;

    AccountVerifier(AuthConfig auth) {
        this.accounts = auth.accounts().stream().map(Entry::of).toList();
        this.dummy = dummyFor(accounts);
    }

    boolean hasAccounts() {
        return !accounts.isEmpty();
    }

    /** Whether {@code username} is an account and {@code password} its password. */
    boolean verify(String username, String password) {
        if (username == null || password == null) {
            return false;
        }
        byte[] name = StaticTokenValidator.sha256(username);
        Entry match = null;
        for (Entry account : accounts) {
            if (MessageDigest.isEqual(account.usernameDigest, name) && match == null) {
                match = account;
            }
        }
        if (match == null) {
            dummy.check(password);
            return false;
        }
        return match.check(password);
    }

    private static Entry dummyFor(List<Entry> accounts) {
        int cost = accounts.stream().filter(entry -> entry.bcryptHash != null)
                .mapToInt(entry -> Integer.parseInt(entry.bcryptHash.substring(4, 6))).max().orElse(-1);
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        if (cost < 0) {
            return new Entry(new byte[0], StaticTokenValidator.sha256(new String(random, StandardCharsets.ISO_8859_1)), null);
        }
        String hash = BCrypt.withDefaults().hashToString(Math.max(BCrypt.MIN_COST, cost),
                new String(random, StandardCharsets.ISO_8859_1).toCharArray());
        return new Entry(new byte[0], null, hash);
    }

    /** One account, with the plain password only as a digest. */
    private record Entry(byte[] usernameDigest, byte[] passwordDigest, String bcryptHash) {
        static Entry of(AuthConfig.Account account) {
            byte[] name = StaticTokenValidator.sha256(account.username());
            return account.isBcrypt() ? new Entry(name, null, account.password())
                    : new Entry(name, StaticTokenValidator.sha256(account.password()), null);
        }

        boolean check(String password) {
            if (bcryptHash != null) {
                try {
                    return BCRYPT.verify(password.toCharArray(), bcryptHash).verified;
                } catch (IllegalArgumentException e) {
                    return false;
                }
            }
            return MessageDigest.isEqual(passwordDigest, StaticTokenValidator.sha256(password));
        }
    }
}
