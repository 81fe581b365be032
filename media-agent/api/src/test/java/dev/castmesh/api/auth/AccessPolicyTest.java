package dev.castmesh.api.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.castmesh.api.auth.AccessDecision.ALLOW;
import static dev.castmesh.api.auth.AccessDecision.FORBIDDEN;
import static dev.castmesh.api.auth.AccessDecision.UNAUTHENTICATED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccessPolicyTest {
    private static final String OWN = "cam-1";
    private static final String OTHER = "cam-2";
    private static final AccessPolicy CONTROL_PLANE = AccessPolicy.forService(Service.CONTROL_PLANE);
    private static final AccessPolicy MEDIA_AGENT = AccessPolicy.forService(Service.MEDIA_AGENT);

    /** Every row of both services × own/other stream × no grant and grants for OWN, OTHER and * with modes 0..7. */
    static Stream<Arguments> everyRowEveryGrant() {
        List<Arguments> cases = new ArrayList<>();
        for (Service service : Service.values()) {
            for (RouteRule rule : RouteRights.of(service)) {
                boolean perStream = rule.scope() == Scope.STREAM || rule.scope() == Scope.STREAM_IN_PATH;
                for (String stream : perStream ? List.of(OWN, OTHER) : List.of(OWN)) {
                    String method = rule.method().equals("*") ? "POST" : rule.method();
                    String path = rule.path().expand(values(rule, stream));
                    cases.add(Arguments.of(service, method, path, null, expected(rule, null, stream)));
                    for (String id : List.of(OWN, OTHER, "*")) {
                        for (int mode = 0; mode <= 7; mode++) {
                            Grant grant = new Grant(id, mode);
                            cases.add(Arguments.of(service, method, path, grant, expected(rule, grant, stream)));
                        }
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} {3} -> {4}")
    @MethodSource("everyRowEveryGrant")
    void decidesEveryRowForEveryGrant(Service service, String method, String path, Grant grant, AccessDecision expected) {
        assertEquals(expected, AccessPolicy.forService(service).check(grant, method, path));
    }

    /** The rules of DESIGN.md, written out per scope rather than through the policy's code. */
    private static AccessDecision expected(RouteRule rule, Grant grant, String stream) {
        switch (rule.scope()) {
            case PUBLIC, NODE:
                return ALLOW;
            default:
                if (grant == null) {
                    return UNAUTHENTICATED;
                }
                boolean perStream = rule.scope() == Scope.STREAM || rule.scope() == Scope.STREAM_IN_PATH;
                boolean rightStream = grant.id().equals("*") || (perStream && grant.id().equals(stream));
                boolean rightBits = (grant.mode() & rule.anyOf()) != 0;
                return rightStream && rightBits ? ALLOW : FORBIDDEN;
        }
    }

    private static Map<String, String> values(RouteRule rule, String stream) {
        Map<String, String> values = new HashMap<>();
        values.put("stream", stream);
        values.put("session", "s-1");
        values.put("alias", "node-1");
        values.put("path", rule.scope() == Scope.STREAM_IN_PATH ? stream + "/2026/11/21/manifest.mpd" : "api/streams/" + stream);
        return values;
    }

    @Test
    void liveExamples() {
        assertEquals(ALLOW, CONTROL_PLANE.check(new Grant(OWN, 2), "POST", "/whip/" + OWN));
        assertEquals(FORBIDDEN, CONTROL_PLANE.check(new Grant(OWN, 2), "POST", "/whip/" + OTHER));
        assertEquals(FORBIDDEN, CONTROL_PLANE.check(new Grant(OWN, 4), "POST", "/whip/" + OWN));
        assertEquals(ALLOW, CONTROL_PLANE.check(new Grant(OWN, 4), "POST", "/whep/" + OWN));
        assertEquals(ALLOW, CONTROL_PLANE.check(new Grant(OWN, 4), "DELETE", "/session/" + OWN + "/abc"));
        assertEquals(FORBIDDEN, CONTROL_PLANE.check(new Grant(OWN, 1), "DELETE", "/session/" + OWN + "/abc"));
        assertEquals(ALLOW, CONTROL_PLANE.check(new Grant(OWN, 1), "DELETE", "/api/streams/" + OWN));
        assertEquals(FORBIDDEN, CONTROL_PLANE.check(new Grant(OWN, 7), "GET", "/api/streams"));
        assertEquals(ALLOW, CONTROL_PLANE.check(new Grant("*", 1), "GET", "/api/streams"));
        assertEquals(FORBIDDEN, CONTROL_PLANE.check(new Grant("*", 6), "GET", "/api/nodes"));
        assertEquals(FORBIDDEN, CONTROL_PLANE.check(new Grant(OWN, 7), "POST", "/api/token"));
        assertEquals(UNAUTHENTICATED, CONTROL_PLANE.check(null, "POST", "/api/token"));
        assertEquals(ALLOW, CONTROL_PLANE.check(null, "POST", "/api/login"));
        assertEquals(ALLOW, CONTROL_PLANE.check(null, "GET", "/health"));
        assertEquals(UNAUTHENTICATED, CONTROL_PLANE.check(null, "GET", "/metrics"));
        assertEquals(ALLOW, CONTROL_PLANE.check(null, "GET", "/"));
        assertEquals(ALLOW, CONTROL_PLANE.check(null, "PUT", "/api/nodes/node-1/heartbeat"));
        assertEquals(ALLOW, CONTROL_PLANE.check(new Grant(OWN, 4), "GET", "/api/playback/" + OWN));
        assertEquals(ALLOW, CONTROL_PLANE.check(new Grant(OWN, 4), "GET", "/api/record/object/" + OWN + "/x.mpd"));
        assertEquals(ALLOW, CONTROL_PLANE.check(new Grant(OWN, 4), "HEAD", "/api/record/object/" + OWN + "/2026/11/21/v-1.m4s"));
        assertEquals(ALLOW, CONTROL_PLANE.check(new Grant(OWN, 1), "GET", "/api/record/object/" + OWN + "/x.mpd"));
        assertEquals(FORBIDDEN, CONTROL_PLANE.check(new Grant(OWN, 2), "GET", "/api/record/object/" + OWN + "/x.mpd"));
        assertEquals(FORBIDDEN, CONTROL_PLANE.check(new Grant(OWN, 4), "GET", "/api/record/object/" + OTHER + "/x.mpd"));
        assertEquals(FORBIDDEN, CONTROL_PLANE.check(new Grant(OWN, 4), "GET", "/api/record/object/" + OWN + "x/x.mpd"));
        // Encoded or dotted detours never match the row, so they are refused whatever the grant.
        assertEquals(FORBIDDEN, CONTROL_PLANE.check(new Grant(OWN, 4), "GET", "/api/record/object/" + OWN + "/../" + OTHER + "/x.mpd"));
        assertEquals(FORBIDDEN, CONTROL_PLANE.check(new Grant(OWN, 4), "GET", "/api/record/object/" + OWN + "/%2e%2e/" + OTHER + "/x.mpd"));
        assertEquals(ALLOW, CONTROL_PLANE.check(new Grant("*", 4), "GET", "/api/record/object/" + OWN + "/x.mpd"));
    }

    @Test
    void relayAcceptsAnyMethod() {
        for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")) {
            assertEquals(ALLOW, CONTROL_PLANE.check(new Grant("*", 1), method, "/api/relay/node-1/api/streams"), method);
            assertEquals(FORBIDDEN, CONTROL_PLANE.check(new Grant("*", 6), method, "/api/relay/node-1/api/streams"), method);
        }
    }

    @Test
    void headUsesTheGetRow() {
        assertEquals(ALLOW, CONTROL_PLANE.check(null, "HEAD", "/health"));
        assertEquals(UNAUTHENTICATED, CONTROL_PLANE.check(null, "HEAD", "/api/streams"));
        assertEquals(ALLOW, CONTROL_PLANE.check(new Grant("*", 1), "head", "/api/streams"));
    }

    @Test
    void servicesHaveTheirOwnRows() {
        Grant admin = new Grant("*", 1);
        assertEquals(ALLOW, MEDIA_AGENT.check(admin, "POST", "/api/cascade/" + OWN));
        assertEquals(ALLOW, CONTROL_PLANE.check(admin, "POST", "/api/cascade/" + OWN));
        assertEquals(ALLOW, CONTROL_PLANE.check(admin, "PUT", "/api/recordings"));
        assertEquals(FORBIDDEN, MEDIA_AGENT.check(admin, "PUT", "/api/recordings"));
        assertEquals(ALLOW, CONTROL_PLANE.check(admin, "GET", "/api/nodes"));
        assertEquals(FORBIDDEN, MEDIA_AGENT.check(admin, "GET", "/api/nodes"));
        assertEquals(UNAUTHENTICATED, MEDIA_AGENT.check(null, "POST", "/api/login"));
        assertEquals(UNAUTHENTICATED, MEDIA_AGENT.check(null, "PUT", "/api/nodes/node-1/heartbeat"));
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void unlistedRoutesAreClosedEvenToFullGrants(Service service) {
        AccessPolicy policy = AccessPolicy.forService(service);
        for (String path : List.of("/api/unlisted", "/api/admin", "/whip", "/whip/a/b", "/unknown", "/api/streams/x/y")) {
            assertEquals(UNAUTHENTICATED, policy.check(null, "PUT", path), path);
            assertEquals(FORBIDDEN, policy.check(Grant.full(), "PUT", path), path);
        }
        assertEquals(FORBIDDEN, policy.check(Grant.full(), "GET", "/whip/" + OWN));
        assertTrue(policy.match("PUT", "/api/unlisted").isEmpty());
    }

    @Test
    void trickyPathsNeverReachAWeakerRow() {
        Grant publisher = new Grant(OWN, 2);
        assertEquals(FORBIDDEN, CONTROL_PLANE.check(publisher, "POST", "/whip/" + OWN + "%2F..%2F" + OTHER));
        assertEquals(FORBIDDEN, CONTROL_PLANE.check(publisher, "POST", "/whip/" + OWN + "/../" + OTHER));
        assertEquals(FORBIDDEN, CONTROL_PLANE.check(publisher, "POST", "//whip/" + OWN));
        assertEquals(ALLOW, CONTROL_PLANE.check(publisher, "POST", "/whip/cam%2D1"));
        assertEquals(ALLOW, CONTROL_PLANE.check(publisher, "POST", "/whip/" + OWN + "/"));
        // An encoded slash does not turn an admin route into the public heartbeat.
        assertEquals(UNAUTHENTICATED, CONTROL_PLANE.check(null, "PUT", "/api/nodes/node-1%2Fheartbeat"));
        assertEquals(UNAUTHENTICATED, CONTROL_PLANE.check(null, "PUT", "/api/nodes/node-1/heartbeat/x"));
        assertEquals(UNAUTHENTICATED, CONTROL_PLANE.check(null, "POST", "/api/login/../token"));
    }

    @Test
    void openPolicyAllowsEverything() {
        AccessPolicy open = AccessPolicy.open(Service.CONTROL_PLANE);
        assertTrue(open.isOpen());
        assertFalse(CONTROL_PLANE.isOpen());
        assertEquals(ALLOW, open.check(null, "GET", "/api/nodes"));
        assertEquals(ALLOW, open.check(new Grant(OTHER, 0), "POST", "/whip/" + OWN));
        assertEquals(ALLOW, open.check(null, "PUT", "/api/unlisted"));
        MatchedRoute nodes = open.match("GET", "/api/nodes").orElseThrow();
        assertEquals(ALLOW, open.decide(null, nodes));
        assertEquals(UNAUTHENTICATED, CONTROL_PLANE.decide(null, nodes));
    }

    @Test
    void enforcingACustomTable() {
        RouteRule extra = new RouteRule("PUT", PathTemplate.parse("/api/unlisted"), 1, Scope.ALL_STREAMS,
                java.util.Set.of(Service.CONTROL_PLANE));
        AccessPolicy policy = AccessPolicy.enforcing(List.of(extra));
        assertEquals(ALLOW, policy.check(new Grant("*", 1), "PUT", "/api/unlisted"));
        assertEquals(List.of(extra), policy.table());
    }

    @Test
    void decisionsCarryTheirStatus() {
        assertEquals(401, UNAUTHENTICATED.httpStatus());
        assertEquals(403, FORBIDDEN.httpStatus());
        assertEquals(0, ALLOW.httpStatus());
    }
}
