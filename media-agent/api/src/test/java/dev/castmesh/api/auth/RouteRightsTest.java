package dev.castmesh.api.auth;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pins the rights table row by row, so that every change of a right shows up in review here. When a route
 * lands, add its row to {@link RouteRights} and its line below.
 */
class RouteRightsTest {
    /** DESIGN.md, control-plane table. */
    private static final List<String> CONTROL_PLANE = List.of(
            "GET / PUBLIC",
            "POST /api/cascade/{stream} STREAM admin",
            "GET /api/info ALL_STREAMS admin",
            "POST /api/login PUBLIC",
            "GET /api/nodes ALL_STREAMS admin",
            "POST /api/nodes ALL_STREAMS admin",
            "DELETE /api/nodes/{alias} ALL_STREAMS admin",
            "PUT /api/nodes/{alias} ALL_STREAMS admin",
            "PUT /api/nodes/{alias}/heartbeat NODE",
            "GET /api/playback ALL_STREAMS admin|subscribe",
            "GET /api/playback/{stream} STREAM admin|subscribe",
            "GET /api/record/object/{path...} STREAM_IN_PATH admin|subscribe",
            "DELETE /api/record/{stream} STREAM admin",
            "GET /api/record/{stream} STREAM admin",
            "POST /api/record/{stream} STREAM admin",
            "PUT /api/recordings ALL_STREAMS admin",
            "POST /api/recordings/reconcile ALL_STREAMS admin",
            "* /api/relay/{alias}/{path...} ALL_STREAMS admin",
            "GET /api/sse/events ALL_STREAMS admin",
            "GET /api/sse/streams ALL_STREAMS admin",
            "GET /api/streams ALL_STREAMS admin",
            "DELETE /api/streams/{stream} STREAM admin",
            "GET /api/streams/{stream} STREAM admin",
            "POST /api/streams/{stream} STREAM admin",
            "POST /api/token ALL_STREAMS admin",
            "POST /api/whep/{alias}/{stream} STREAM subscribe",
            "POST /api/whip/{alias}/{stream} STREAM publish",
            "GET /health PUBLIC",
            "GET /metrics ALL_STREAMS admin",
            "GET /openapi.yml PUBLIC",
            "DELETE /session/{stream}/{session} STREAM publish|subscribe",
            "PATCH /session/{stream}/{session} STREAM publish|subscribe",
            "POST /session/{stream}/{session} STREAM publish|subscribe",
            "POST /whep/{stream} STREAM subscribe",
            "POST /whip/{stream} STREAM publish");

    /** DESIGN.md, media-agent table. */
    private static final List<String> MEDIA_AGENT = List.of(
            "POST /api/cascade/{stream} STREAM admin",
            "DELETE /api/record/{stream} STREAM admin",
            "GET /api/record/{stream} STREAM admin",
            "POST /api/record/{stream} STREAM admin",
            "GET /api/streams ALL_STREAMS admin",
            "DELETE /api/streams/{stream} STREAM admin",
            "GET /api/streams/{stream} STREAM admin",
            "POST /api/streams/{stream} STREAM admin",
            "GET /health PUBLIC",
            "GET /metrics ALL_STREAMS admin",
            "GET /openapi.yml PUBLIC",
            "DELETE /session/{stream}/{session} STREAM publish|subscribe",
            "PATCH /session/{stream}/{session} STREAM publish|subscribe",
            "POST /session/{stream}/{session} STREAM publish|subscribe",
            "POST /whep/{stream} STREAM subscribe",
            "POST /whip/{stream} STREAM publish");

    @Test
    void controlPlaneRows() {
        assertEquals(CONTROL_PLANE, listing(Service.CONTROL_PLANE));
    }

    @Test
    void mediaAgentRows() {
        assertEquals(MEDIA_AGENT, listing(Service.MEDIA_AGENT));
    }

    @Test
    void everyRowIsServedSomewhere() {
        Set<RouteRule> served = new HashSet<>(RouteRights.of(Service.CONTROL_PLANE));
        served.addAll(RouteRights.of(Service.MEDIA_AGENT));
        assertEquals(new HashSet<>(RouteRights.all()), served);
    }

    @Test
    void noRouteIsListedTwice() {
        for (Service service : Service.values()) {
            Set<String> seen = new HashSet<>();
            for (RouteRule rule : RouteRights.of(service)) {
                assertTrue(seen.add(rule.method() + " " + rule.path()), "listed twice: " + rule);
            }
        }
    }

    @Test
    void moreLiteralSegmentsWinOverEarlierRows() {
        RouteRule byStream = new RouteRule("GET", PathTemplate.parse("/api/streams/{stream}"), 1, Scope.STREAM, Set.of(Service.MEDIA_AGENT));
        RouteRule literal = new RouteRule("GET", PathTemplate.parse("/api/streams/stats"), 0, Scope.PUBLIC, Set.of(Service.MEDIA_AGENT));
        assertEquals(literal, RouteRights.match(List.of(byStream, literal), "GET", "/api/streams/stats").orElseThrow().rule());
        assertEquals(byStream, RouteRights.match(List.of(byStream, literal), "GET", "/api/streams/x").orElseThrow().rule());
    }

    @Test
    void matchUsesMethodAndPath() {
        List<RouteRule> table = RouteRights.of(Service.CONTROL_PLANE);
        MatchedRoute whip = RouteRights.match(table, "post", "/whip/cam-1").orElseThrow();
        assertEquals("cam-1", whip.stream());
        assertEquals("publish on stream 'cam-1'", whip.requirement());
        assertTrue(RouteRights.match(table, "GET", "/whip/cam-1").isEmpty());
        assertTrue(RouteRights.match(table, "GET", "/nope").isEmpty());
        assertTrue(RouteRights.match(table, null, "/").isEmpty());
        assertTrue(RouteRights.match(table, "GET", null).isEmpty());
        assertEquals("GET", RouteRights.match(table, "HEAD", "/health").orElseThrow().rule().method());
        assertEquals("*", RouteRights.match(table, "OPTIONS", "/api/relay/n1/x").orElseThrow().rule().method());
        assertEquals("admin on all streams ('*')", RouteRights.match(table, "GET", "/api/nodes").orElseThrow().requirement());
        MatchedRoute object = RouteRights.match(table, "GET", "/api/record/object/cam-1/2026/11/21/manifest.mpd").orElseThrow();
        assertEquals("cam-1", object.stream());
        assertEquals("admin or subscribe on stream 'cam-1'", object.requirement());
        assertEquals("cam-1", RouteRights.match(table, "GET", "/api/record/object/cam-1").orElseThrow().stream());
        assertEquals("heartbeat", RouteRights.match(table, "PUT", "/api/nodes/n1/heartbeat").orElseThrow().rule().path().toString()
                .substring("/api/nodes/{alias}/".length()));
    }

    @Test
    void rowsAreValidated() {
        PathTemplate whip = PathTemplate.parse("/whip/{stream}");
        Set<Service> cp = Set.of(Service.CONTROL_PLANE);
        assertThrows(IllegalArgumentException.class, () -> new RouteRule("POST", whip, 0, Scope.STREAM, cp));
        assertThrows(IllegalArgumentException.class, () -> new RouteRule("POST", whip, 2, Scope.PUBLIC, cp));
        assertThrows(IllegalArgumentException.class, () -> new RouteRule("POST", whip, 8, Scope.STREAM, cp));
        assertThrows(IllegalArgumentException.class, () -> new RouteRule("POST", whip, 2, Scope.STREAM, Set.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new RouteRule("GET", PathTemplate.parse("/api/nodes/{alias}"), 1, Scope.STREAM, cp));
        assertThrows(IllegalArgumentException.class,
                () -> new RouteRule("GET", PathTemplate.parse("/api/x/{stream}"), 4, Scope.STREAM_IN_PATH, cp));
        assertThrows(IllegalArgumentException.class,
                () -> new RouteRule("GET", PathTemplate.parse("/api/x/{rest...}"), 4, Scope.STREAM_IN_PATH, cp));
    }

    private static List<String> listing(Service service) {
        return RouteRights.of(service).stream().sorted(RouteRights.byPath()).map(RouteRule::toString).toList();
    }
}
