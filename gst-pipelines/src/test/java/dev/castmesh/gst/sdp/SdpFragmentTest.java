package dev.castmesh.gst.sdp;

import dev.castmesh.gst.errors.BadSdpException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SdpFragmentTest {

    @Test
    void parsesRfc8840Fragment() {
        SdpFragment f = SdpFragment.parse("a=ice-ufrag:EsAw\r\na=ice-pwd:P2uYro0UCOQ4zxjKXaWCBui1\r\n"
                + "m=audio 9 RTP/AVP 0\r\na=mid:0\r\n"
                + "a=candidate:1387637174 1 udp 2122260223 192.0.2.1 61764 typ host generation 0 ufrag EsAw\r\n"
                + "a=candidate:3471623853 1 udp 2122194687 198.51.100.2 61765 typ host generation 0 ufrag EsAw\r\n"
                + "m=video 9 RTP/AVP 96\r\na=mid:1\r\n"
                + "a=candidate:1 1 udp 1 203.0.113.5 9 typ host\r\n"
                + "a=end-of-candidates\r\n");
        assertEquals("EsAw", f.iceUfrag());
        assertEquals(3, f.candidates().size());
        assertEquals("0", f.candidates().get(0).mid());
        assertTrue(f.candidates().get(0).candidate().startsWith("candidate:1387637174 1 udp"));
        assertEquals(1, f.candidates().get(2).fragmentIndex());
        assertEquals("1", f.candidates().get(2).mid());
        assertTrue(f.endOfCandidates());
    }

    @Test
    void candidatesWithoutMediaLineBelongToTheFirstSection() {
        SdpFragment f = SdpFragment.parse("a=candidate:1 1 udp 1 203.0.113.5 9 typ host\n");
        assertEquals("", f.candidates().get(0).mid());
        assertEquals(0, f.candidates().get(0).fragmentIndex());
    }

    @Test
    void rejectsGarbage() {
        assertThrows(BadSdpException.class, () -> SdpFragment.parse(""));
        assertThrows(BadSdpException.class, () -> SdpFragment.parse("hello world"));
    }
}
