package dev.castmesh.controlplane.ice;

import dev.castmesh.api.ice.IceServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * TURN REST credentials (draft-uberti-behave-turn-rest) as coturn checks them with {@code --use-auth-secret}:
 * username = the expiry as unix seconds, optionally {@code :user}; credential = base64(HMAC-SHA1(secret, username)).
 * Pure.
 */
public final class CoturnCredentials {
    private final byte[] secret;
    private final List<String> urls;
    private final Duration ttl;

    public CoturnCredentials(String secret, List<String> urls, Duration ttl) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.urls = List.copyOf(urls);
        this.ttl = ttl;
    }

    public static CoturnCredentials of(ExtraIceConfig.Coturn config) {
        return new CoturnCredentials(config.secret(), config.urls(), config.ttl());
    }

    /**
     * @param now  the current time
     * @param user appended as {@code :user} to the username (shows in coturn's logs), or null
     */
    public IceServer mint(Instant now, String user) {
        long expiry = now.plus(ttl).getEpochSecond();
        String username = user == null || user.isEmpty() ? Long.toString(expiry) : expiry + ":" + user;
        return new IceServer(urls, username, credential(username));
    }

    String credential(String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is missing from this JVM", e);
        }
    }
}
