package dev.castmesh.controlplane.playbackproxy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ObjectPathTest {

    @Test
    void decodesCleanKeys() {
        assertEquals(new ObjectPath("cam1/2026/11/21/manifest.mpd", "cam1"),
                ObjectPath.parse("/api/record/object/cam1/2026/11/21/manifest.mpd"));
        assertEquals(new ObjectPath("live:cam+1/x.m4s", "live:cam+1"),
                ObjectPath.parse("/api/record/object/live%3Acam%2B1/x.m4s"));
        assertEquals(new ObjectPath("caméra/x.m4s", "caméra"), ObjectPath.parse("/api/record/object/cam%C3%A9ra/x.m4s"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "../x", "cam1/../x", "%2e%2e/x", "cam1/%2E%2E/x", "cam1%2fx", "cam1%2Fx", "cam1%5cx",
            "cam1/%00", "cam1/x%0", "cam1/x%zz", "cam1//x", "/x", "cam1/./x", "cam1\\..\\x", "%c0%ae%c0%ae/x",
            "ca*m/x", "a%3Fb/x", "cam%201/x", "", "cam1/x/"})
    void refusesAnythingButACleanKeyUnderAStream(String rest) {
        assertThrows(IllegalArgumentException.class, () -> ObjectPath.parse("/api/record/object/" + rest), rest);
    }
}
