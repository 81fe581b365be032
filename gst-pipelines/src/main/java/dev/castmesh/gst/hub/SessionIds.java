package dev.castmesh.gst.hub;

import java.security.SecureRandom;
import java.util.Base64;

/** Session ids: 16 random bytes, base64url without padding (22 characters). */
final class SessionIds {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private SessionIds() {
    }

    static String next() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }
}
