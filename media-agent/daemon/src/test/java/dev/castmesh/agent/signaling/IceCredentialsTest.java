package dev.castmesh.agent.signaling;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IceCredentialsTest {
    private static final IceCredentials OFFER = IceCredentials.of("v=0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\na=ice-ufrag:abcd\r\na=ice-pwd:secretpassword\r\n");

    @Test
    void readsTheFirstPair() {
        assertEquals(new IceCredentials("abcd", "secretpassword"), OFFER);
    }

    @Test
    void sameOrMissingCredentialsAreTrickle() {
        assertFalse(OFFER.restartedBy(IceCredentials.of("a=ice-ufrag:abcd\r\na=ice-pwd:secretpassword\r\na=candidate:1 1 udp 1 127.0.0.1 9 typ host\r\n")));
        assertFalse(OFFER.restartedBy(IceCredentials.of("a=candidate:1 1 udp 1 127.0.0.1 9 typ host\r\n")));
    }

    @Test
    void newCredentialsAreARestart() {
        assertTrue(OFFER.restartedBy(IceCredentials.of("a=ice-ufrag:efgh\r\na=ice-pwd:secretpassword\r\n")));
        assertTrue(OFFER.restartedBy(IceCredentials.of("a=ice-ufrag:abcd\r\na=ice-pwd:otherpassword\r\n")));
    }
}
