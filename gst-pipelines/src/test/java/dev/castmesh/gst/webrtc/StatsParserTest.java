package dev.castmesh.gst.webrtc;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StatsParserTest {
    /** Values as they appear in the captured replies (test resources). */
    private static final long RECEIVED_VIDEO = 133608;
    private static final long RECEIVED_AUDIO = 114148;
    private static final long SENT_TOTAL = 91448 + 108733;

    private static String resource(String name) throws IOException {
        try (InputStream in = StatsParserTest.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void sumsInboundBytesOfAReceivingWebrtcbin() throws IOException {
        WebRtcStats stats = StatsParser.parse(resource("webrtc-stats-receiver.txt"), 0);
        assertEquals(RECEIVED_VIDEO + RECEIVED_AUDIO, stats.bytesReceived());
        assertEquals(0, stats.bytesSent());
    }

    @Test
    void sumsOutboundBytesOfASendingWebrtcbinAndCarriesTheReportCount() throws IOException {
        WebRtcStats stats = StatsParser.parse(resource("webrtc-stats-sender.txt"), 7);
        assertEquals(SENT_TOTAL, stats.bytesSent());
        assertEquals(7, stats.rtcpReportsReceived());
    }

    @Test
    void parsesNestedStructuresAndEscapes() {
        GstStructureText s = GstStructureText.parse("top, a=(structure)\"inner\\,\\ x\\=\\(int\\)5\\,\\ "
                + "s\\=\\(string\\)\\\"q\\\\\\,r\\\"\\;\", b=(string)plain, c=(int)< 1, 2 >;");
        assertEquals("top", s.name());
        GstStructureText inner = s.nested("a").orElseThrow();
        assertEquals("inner", inner.name());
        assertEquals(5, inner.longValue("x"));
        assertEquals("q,r", inner.value("s").orElseThrow());
        assertEquals("plain", s.value("b").orElseThrow());
        assertEquals("< 1, 2 >", s.value("c").orElseThrow());
        assertEquals(WebRtcStats.EMPTY, StatsParser.parse("", 0));
    }
}
