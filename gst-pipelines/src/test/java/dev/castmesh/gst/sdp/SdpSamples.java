package dev.castmesh.gst.sdp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

final class SdpSamples {
    private SdpSamples() {
    }

    static String resource(String name) {
        try (InputStream in = SdpSamples.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A minimal offer with the given media sections (each a block of m= and a= lines). */
    static String offer(String... sections) {
        StringBuilder sdp = new StringBuilder("v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
                + "a=ice-ufrag:abcd\r\na=ice-pwd:0123456789012345678901\r\n"
                + "a=fingerprint:sha-256 AA:BB\r\n");
        for (String s : sections) {
            sdp.append(s.strip().replace("\n", "\r\n")).append("\r\n");
        }
        return sdp.toString();
    }
}
