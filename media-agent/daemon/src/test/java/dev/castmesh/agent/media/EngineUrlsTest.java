package dev.castmesh.agent.media;

import dev.castmesh.api.ice.IceServer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EngineUrlsTest {
    @Test
    void stunAsIsTurnWithCredentialsWithoutCredentialsSkipped() {
        List<String> urls = EngineUrls.of(List.of(
                IceServer.stun("stun:stun.example.net:3478"),
                new IceServer(List.of("turn:turn.example.net:3478?transport=udp"), "us er", "p@ss:word"),
                new IceServer(List.of("turn:nocreds.example.net:3478"), null, null)));
        assertEquals(List.of("stun:stun.example.net:3478",
                "turn:us%20er:p%40ss%3Aword@turn.example.net:3478?transport=udp"), urls);
    }
}
