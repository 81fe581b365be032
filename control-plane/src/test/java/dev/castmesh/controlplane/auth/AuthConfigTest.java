package dev.castmesh.controlplane.auth;

import dev.castmesh.controlplane.config.ControlPlaneConfigLoader;
import dev.castmesh.server.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuthConfigTest {
    private static AuthConfig parse(String toml) {
        return new ControlPlaneConfigLoader(Map.of()).parse(toml).auth();
    }

    private static String failure(String toml) {
        return assertThrows(ConfigException.class, () -> parse(toml)).getMessage();
    }

    @Test
    void nothingMeansOpen() {
        assertTrue(parse("").isOpen());
        assertTrue(parse("[auth]\n").isOpen());
        assertTrue(parse("[auth]\nsecret = \"\"\n").isOpen());
    }

    @Test
    void anyCredentialClosesIt() {
        assertFalse(parse("[auth]\ntokens = [\"t\"]\n").isOpen());
        assertFalse(parse("[auth]\nsecret = \"" + "s".repeat(32) + "\"\n").isOpen());
        assertFalse(parse("[[auth.accounts]]\nusername = \"live777\"\npassword = \"live777\"\n").isOpen());
    }

    @Test
    void shortSecretStopsStartUpNamingTheKey() {
        String message = failure("[auth]\nsecret = \"live777\"\n");
        assertTrue(message.contains("auth.secret"), message);
        assertTrue(message.contains("7 bytes"), message);
        assertTrue(message.contains("32"), message);
        assertFalse(message.contains("live777"), "the message must not quote the secret: " + message);
        failure("[auth]\nsecret = \"" + "s".repeat(31) + "\"\n");
    }

    @Test
    void secretLengthIsCountedInUtf8Bytes() {
        // 11 three-byte characters: 33 bytes.
        assertEquals("€".repeat(11), parse("[auth]\nsecret = \"" + "€".repeat(11) + "\"\n").secret());
        parse("[auth]\nsecret = \"" + "s".repeat(32) + "\"\n");
    }

    @Test
    void emptyTokensAreRefused() {
        assertTrue(failure("[auth]\ntokens = [\"a\", \" \"]\n").contains("auth.tokens[1]"));
    }

    @Test
    void accountsAreChecked() {
        assertTrue(failure("[[auth.accounts]]\nusername = \"\"\npassword = \"x\"\n").contains("auth.accounts[0].username"));
        assertTrue(failure("[[auth.accounts]]\nusername = \"a\"\n").contains("auth.accounts[0].password"));
        String twice = failure("[[auth.accounts]]\nusername = \"a\"\npassword = \"x\"\n[[auth.accounts]]\nusername = \"a\"\npassword = \"y\"\n");
        assertTrue(twice.contains("auth.accounts[1].username"), twice);
        String broken = failure("[[auth.accounts]]\nusername = \"a\"\npassword = \"$2b$10$tooshort\"\n");
        assertTrue(broken.contains("auth.accounts[0].password") && broken.contains("bcrypt"), broken);
        assertFalse(broken.contains("tooshort"), broken);
    }

    @Test
    void recognisesBcryptHashes() {
        String hash = "$2b$10$" + "a".repeat(53);
        AuthConfig auth = parse("[[auth.accounts]]\nusername = \"a\"\npassword = \"" + hash + "\"\n"
                + "[[auth.accounts]]\nusername = \"b\"\npassword = \"live777\"\n");
        assertTrue(auth.accounts().get(0).isBcrypt());
        assertFalse(auth.accounts().get(1).isBcrypt());
        assertTrue(new AuthConfig.Account("y", "$2y$04$" + "b".repeat(53)).isBcrypt());
        assertFalse(new AuthConfig.Account("x", "$2x$04$" + "b".repeat(53)).isBcrypt());
    }

    @Test
    void toStringHidesSecrets() {
        AuthConfig auth = new AuthConfig("s".repeat(40), List.of("tok-1", "tok-2"), List.of(new AuthConfig.Account("live777", "pw-123")));
        String text = auth.toString();
        assertFalse(text.contains("sss"), text);
        assertFalse(text.contains("tok-1"), text);
        assertFalse(text.contains("pw-123"), text);
        assertTrue(text.contains("live777") && text.contains("tokens=2"), text);
        assertFalse(auth.accounts().get(0).toString().contains("pw-123"));
    }
}
