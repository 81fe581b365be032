package dev.castmesh.controlplane.node;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * A node's own credential, made when the cluster secret enrols a new alias: 256 random bits as base64url (43
 * characters). Answered once, in the enrolment reply; the registry keeps only its {@link SecretHash}.
 */
final class NodeCredential {
    private static final SecureRandom RANDOM = new SecureRandom();
    static final int BYTES = 32;

    private NodeCredential() {
    }

    static String generate() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
