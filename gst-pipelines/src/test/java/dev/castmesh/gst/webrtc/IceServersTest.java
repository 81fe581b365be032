package dev.castmesh.gst.webrtc;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IceServersTest {

    @Test
    void normalisesRfcUrlsToWebrtcbinForm() {
        IceServers ice = IceServers.fromUrls(List.of("stun:stun.example.org:3478", "stun://second:3478",
                "turn:u:p@turn.example.org:3478?transport=udp", "turns://u:p@turn.example.org:5349"));
        assertEquals(Optional.of("stun://stun.example.org:3478"), ice.stunServer());
        assertEquals(List.of("turn://u:p@turn.example.org:3478?transport=udp", "turns://u:p@turn.example.org:5349"),
                ice.turnServers());
        assertEquals(IceServers.none(), IceServers.fromUrls(List.of()));
    }

    @Test
    void rejectsOtherSchemesWithoutEchoingTheUrl() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IceServers.fromUrls(List.of("http://user:secret@host")));
        assertFalse(e.getMessage().contains("secret"));
    }

    @Test
    void buildsTurnUrlsWithEncodedCredentials() {
        assertEquals("turn://1700000000%3Aalice:p%40ss%2Fw%3D@turn.example.org:3478?transport=tcp",
                IceServers.turnUrl("turn:turn.example.org:3478?transport=tcp", "1700000000:alice", "p@ss/w="));
        assertEquals("turns://a:b@h:5349", IceServers.turnUrl("turns://old:cred@h:5349", "a", "b"));
    }
}
