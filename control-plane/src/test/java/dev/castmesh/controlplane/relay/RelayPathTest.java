package dev.castmesh.controlplane.relay;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RelayPathTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "/api/streams|/api/streams",
            "''|/",
            "/|/",
            "/api/streams/|/api/streams",
            "//api///streams|/api/streams",
            "/api/./streams/.|/api/streams",
            "/api/x/../streams|/api/streams",
            "/api/%2E%2E/admin|/admin",
            "/api/%2e/admin|/api/admin",
            "/api%2Fadmin%2Fx|/api/admin/x",
            "/api%2fadmin|/api/admin",
            "/api\\admin|/api/admin",
            "/api%5Cadmin|/api/admin",
            "/api/streams/%C3%A9t%C3%A9|/api/streams/été",
            "/API/Admin|/API/Admin",
            "/api/streams/a%20b|/api/streams/a b",
            "/a/b/c/../../d|/a/d",
    })
    void normalises(String raw, String expected) {
        assertEquals(expected, RelayPath.normalize(raw).path());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/..", "/api/../..", "/%2e%2e", "/api/%2E%2E/%2e%2e/x", "/api%2F..%2F..",
            "/api/%252Fadmin", "/api/%25", "/api/%", "/api/%2", "/api/%zz", "/api/%C3", "/api/%FF",
            "/api/%00", "/api/%0A", "/api;x/admin", "/api/%3Badmin", "/api/%3F", "/api/%23", "/api/\u0007"})
    void refuses(String raw) {
        assertThrows(IllegalArgumentException.class, () -> RelayPath.normalize(raw));
    }

    @ParameterizedTest(name = "{0} is sent as {1}")
    @CsvSource(delimiter = '|', value = {
            "/api/streams/été|/api/streams/%C3%A9t%C3%A9",
            "/api/streams/a%20b|/api/streams/a%20b",
            "/api/streams/cam:1@x|/api/streams/cam%3A1%40x",
            "/|/",
            "/api%2Fadmin|/api/admin",
    })
    void sendsWhatWasChecked(String raw, String encoded) {
        assertEquals(encoded, RelayPath.normalize(raw).encoded());
        assertEquals(RelayPath.normalize(raw), RelayPath.normalize(encoded), "re-normalising the sent path changes nothing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/streams"})
    void segments(String raw) {
        assertEquals(List.of("api", "streams"), RelayPath.normalize(raw).segments());
    }
}
