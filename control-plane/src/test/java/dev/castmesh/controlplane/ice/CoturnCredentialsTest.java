package dev.castmesh.controlplane.ice;

import dev.castmesh.api.ice.IceServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CoturnCredentialsTest {
    private final CoturnCredentials coturn = new CoturnCredentials("s3cret", List.of("turn:127.0.0.1:3478?transport=udp"),
            Duration.ofHours(1));

    @Test
    void usernameIsTheExpiryAndCredentialTheBase64HmacSha1() {
        // Reference: printf %s 1795225846 | openssl dgst -sha1 -hmac s3cret -binary | base64
        IceServer server = coturn.mint(Instant.ofEpochSecond(1795225846L - 3600, 999_000_000), null);
        assertEquals(List.of("turn:127.0.0.1:3478?transport=udp"), server.urls());
        assertEquals("1795225846", server.username());
        assertEquals("B2B/bWKZiIrL9Ilk99YSxElSHTc=", server.credential());
    }

    @Test
    void optionalUserIsAppended() {
        IceServer server = coturn.mint(Instant.ofEpochSecond(1795225846L - 3600), "agent-1");
        assertEquals("1795225846:agent-1", server.username());
        // printf %s 1795225846:agent-1 | openssl dgst -sha1 -hmac s3cret -binary | base64
        assertEquals(coturn.credential("1795225846:agent-1"), server.credential());
        assertEquals(28, server.credential().length());
    }
}
