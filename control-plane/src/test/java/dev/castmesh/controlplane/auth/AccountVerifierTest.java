package dev.castmesh.controlplane.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccountVerifierTest {
    private static String bcrypt(BCrypt.Version version, String password) {
        return BCrypt.with(version).hashToString(4, password.toCharArray());
    }

    private static AccountVerifier verifier(AuthConfig.Account... accounts) {
        return new AccountVerifier(new AuthConfig(null, List.of(), List.of(accounts)));
    }

    @Test
    void plainPasswords() {
        AccountVerifier accounts = verifier(new AuthConfig.Account("live777", "live777"),
                new AuthConfig.Account("live777-2", "live777-2"));
        assertTrue(accounts.hasAccounts());
        assertTrue(accounts.verify("live777", "live777"));
        assertTrue(accounts.verify("live777-2", "live777-2"));
        assertFalse(accounts.verify("live777", "live777-2"));
        assertFalse(accounts.verify("live777", "live77"));
        assertFalse(accounts.verify("live777", "live7777"));
        assertFalse(accounts.verify("live777", ""));
        assertFalse(accounts.verify("LIVE777", "live777"));
        assertFalse(accounts.verify("nobody", "live777"));
        assertFalse(accounts.verify(null, "live777"));
        assertFalse(accounts.verify("live777", null));
    }

    @Test
    void bcryptHashesOfEveryPrefix() {
        AccountVerifier accounts = verifier(
                new AuthConfig.Account("a", bcrypt(BCrypt.Version.VERSION_2A, "pw-a")),
                new AuthConfig.Account("b", bcrypt(BCrypt.Version.VERSION_2B, "pw-b")),
                new AuthConfig.Account("y", bcrypt(BCrypt.Version.VERSION_2Y, "pw-y")));
        assertTrue(accounts.verify("a", "pw-a"));
        assertTrue(accounts.verify("b", "pw-b"));
        assertTrue(accounts.verify("y", "pw-y"));
        assertFalse(accounts.verify("a", "pw-b"));
        assertFalse(accounts.verify("y", "pw-y "));
        assertFalse(accounts.verify("nobody", "pw-a"));
        // The hash itself is not a password.
        assertFalse(accounts.verify("a", new AuthConfig.Account("a", bcrypt(BCrypt.Version.VERSION_2A, "pw-a")).password()));
    }

    @Test
    void longPasswordsAreTruncatedLikeOtherBcryptTools() {
        String longPassword = "p".repeat(100);
        AccountVerifier accounts = verifier(new AuthConfig.Account("a", bcrypt(BCrypt.Version.VERSION_2B, "p".repeat(72))));
        assertTrue(accounts.verify("a", longPassword));
        assertFalse(accounts.verify("a", "p".repeat(71)));
    }

    @Test
    void noAccountsNeverVerify() {
        AccountVerifier accounts = verifier();
        assertFalse(accounts.hasAccounts());
        assertFalse(accounts.verify("live777", "live777"));
    }
}
