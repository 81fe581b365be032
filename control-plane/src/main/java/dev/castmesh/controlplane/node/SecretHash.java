package dev.castmesh.controlplane.node;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Node secrets are stored as the hex SHA-256 of the secret.
 *
 * <p>Why not bcrypt: bcrypt (or scrypt, Argon2) makes guessing a <em>low-entropy</em> password from a leaked hash
 * expensive, by being slow, ~50-250 ms of CPU per check at usual costs. Node secrets are machine-generated random
 * strings of at least 16 characters (~96 bits from {@code openssl rand -base64}); no amount of hashing speed makes
 * 2^96 guesses feasible, so a fast hash loses nothing. And the check runs on every heartbeat: 5,000 agents at one
 * heartbeat each 2 s would cost 2,500 bcrypt checks per second, i.e. hundreds of cores, where SHA-256 costs about a
 * microsecond. Comparison is constant-time ({@link MessageDigest#isEqual}).
 */
final class SecretHash {
    private SecretHash() {
    }

    static String of(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Whether {@code secret} hashes to {@code storedHash}, in time independent of where they differ. */
    static boolean matches(String storedHash, String secret) {
        if (storedHash == null || secret == null) {
            return false;
        }
        return MessageDigest.isEqual(storedHash.getBytes(StandardCharsets.US_ASCII),
                of(secret).getBytes(StandardCharsets.US_ASCII));
    }
}
