package dev.castmesh.api.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PathTemplateTest {
    private static final PathTemplate SESSION = PathTemplate.parse("/session/{stream}/{session}");
    private static final PathTemplate RELAY = PathTemplate.parse("/api/relay/{alias}/{path...}");

    @Test
    void matchesVariablesInOrder() {
        assertEquals(Optional.of(Map.of("stream", "cam-1", "session", "abc")), SESSION.match("/session/cam-1/abc"));
        assertEquals(List.of("stream", "session"), SESSION.variables());
        assertEquals(1, SESSION.literalSegments());
    }

    @Test
    void literalSegmentsMustBeEqual() {
        assertTrue(SESSION.match("/sessions/cam-1/abc").isEmpty());
        assertTrue(SESSION.match("/session/cam-1").isEmpty());
        assertTrue(SESSION.match("/session/cam-1/abc/def").isEmpty());
        assertTrue(PathTemplate.parse("/api/streams").match("/api/Streams").isEmpty());
    }

    @Test
    void restVariableTakesOneOrMoreSegments() {
        assertEquals(Optional.of(Map.of("alias", "n1", "path", "api/streams/x")), RELAY.match("/api/relay/n1/api/streams/x"));
        assertEquals(Optional.of(Map.of("alias", "n1", "path", "health")), RELAY.match("/api/relay/n1/health"));
        assertTrue(RELAY.match("/api/relay/n1").isEmpty());
    }

    @Test
    void oneTrailingSlashIsIgnored() {
        assertEquals(Optional.of(Map.of("stream", "cam-1")), PathTemplate.parse("/whip/{stream}").match("/whip/cam-1/"));
        assertTrue(PathTemplate.parse("/whip/{stream}").match("/whip/cam-1//").isEmpty());
    }

    @Test
    void rootMatchesOnlyRoot() {
        PathTemplate root = PathTemplate.parse("/");
        assertEquals(Optional.of(Map.of()), root.match("/"));
        assertTrue(root.match("/index.html").isEmpty());
        assertTrue(root.match("").isEmpty());
    }

    @Test
    void variablesArePercentDecoded() {
        PathTemplate whip = PathTemplate.parse("/whip/{stream}");
        assertEquals(Optional.of(Map.of("stream", "cam-1")), whip.match("/whip/cam%2D1"));
        assertEquals(Optional.of(Map.of("stream", "a/b")), whip.match("/whip/a%2Fb"));
        assertEquals(Optional.of(Map.of("stream", "é x")), whip.match("/whip/%C3%A9%20x"));
        assertEquals(Optional.of(Map.of("stream", "a+b")), whip.match("/whip/a+b"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/whip//cam-1", "//whip/cam-1", "/whip/.", "/whip/..", "/whip/%2E%2E", "/whip/%2e",
            "/whip/%", "/whip/%4", "/whip/%zz", "/whip/%C3", "/whip/cam-1?x=1", "/whip/cam-1#x", "whip/cam-1", "/whip/", "/whip"})
    void refusesPathsItWillNotInterpret(String path) {
        assertTrue(PathTemplate.parse("/whip/{stream}").match(path).isEmpty(), path);
    }

    @Test
    void dotSegmentsAreRefusedAnywhere() {
        assertTrue(RELAY.match("/api/relay/n1/../../api/nodes").isEmpty());
        assertTrue(RELAY.match("/api/relay/n1/a/./b").isEmpty());
    }

    @Test
    void expandFillsVariables() {
        assertEquals("/session/cam-1/abc", SESSION.expand(Map.of("stream", "cam-1", "session", "abc")));
        assertEquals("/api/relay/n1/a/b", RELAY.expand(Map.of("alias", "n1", "path", "a/b")));
        assertEquals("/", PathTemplate.parse("/").expand(Map.of()));
        assertThrows(IllegalArgumentException.class, () -> SESSION.expand(Map.of("stream", "x")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "whip", "/whip//x", "/a/{}", "/a/{b-c}", "/a/{rest...}/b", "/a/b{c}", "/a/{b"})
    void refusesBadTemplates(String template) {
        assertThrows(IllegalArgumentException.class, () -> PathTemplate.parse(template));
    }

    @Test
    void equalityIsByText() {
        assertEquals(PathTemplate.parse("/a/{b}"), PathTemplate.parse("/a/{b}"));
        assertEquals("/a/{b}", PathTemplate.parse("/a/{b}").toString());
    }
}
