package dev.castmesh.api.ice;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IceLinkHeadersTest {

    @Test
    void formatsOneLinkPerUrlWithCredentialsQuoted() {
        List<String> links = IceLinkHeaders.format(List.of(
                IceServer.stun("stun:stun.example.net:3478"),
                new IceServer(List.of("turn:t.example.net?transport=udp", "turn:t.example.net?transport=tcp"), "1700000000:a", "pa\"ss")));

        assertEquals(List.of(
                "<stun:stun.example.net:3478>; rel=\"ice-server\"",
                "<turn:t.example.net?transport=udp>; rel=\"ice-server\"; username=\"1700000000:a\"; credential=\"pa\\\"ss\"; credential-type=\"password\"",
                "<turn:t.example.net?transport=tcp>; rel=\"ice-server\"; username=\"1700000000:a\"; credential=\"pa\\\"ss\"; credential-type=\"password\""),
                links);
    }

    @Test
    void parseReadsWhatFormatWritesAndSkipsOtherRelations() {
        IceServer turn = new IceServer(List.of("turns:t.example.net:5349"), "user;x", "se,cret");
        List<String> headers = List.of("</session/a/b>; rel=\"self\", " + IceLinkHeaders.format(List.of(turn)).get(0),
                "<stun:s.example.net>; rel=ice-server");

        assertEquals(List.of(turn, IceServer.stun("stun:s.example.net")), IceLinkHeaders.parse(headers));
    }

    @Test
    void refusesUrlsThatAreNotStunOrTurn() {
        assertThrows(IllegalArgumentException.class, () -> IceServer.stun("http://example.net"));
    }

    @Test
    void neverPrintsTheCredential() {
        IceServer turn = new IceServer(List.of("turn:t.example.net"), "u", "topsecret");
        assertEquals(false, turn.toString().contains("topsecret"));
    }
}
