package dev.castmesh.controlplane.auth;

import dev.castmesh.security.BearerChallenge;

import com.nimbusds.jose.JWSAlgorithm;
import dev.castmesh.api.auth.Grant;
import dev.castmesh.api.auth.RouteRights;
import dev.castmesh.api.auth.RouteRule;
import dev.castmesh.api.auth.Scope;
import dev.castmesh.api.auth.Service;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every control-plane route of the rights table × every kind of credential × own/other stream, through
 * the real HTTP server and the real security filter. {@link AuthProbeFilter} answers 200 for whatever
 * security lets through, so the expected codes are exact: 200, 401 or 403 for table routes, 401/403 for
 * served routes missing from the table, 404 for unknown paths.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthMatrixTest {
    static final String SECRET = "matrix-secret-".repeat(5);
    static final String OTHER_SECRET = "another-secret-".repeat(5);
    static final String STATIC_TOKEN = "static-token-for-the-matrix";
    static final String OWN = "cam-1";
    static final String OTHER = "cam-2";

    private TestServer server;
    private final Map<String, Credential> credentials = new LinkedHashMap<>();

    /** A way of calling: the Authorization header (null for none) and the grant it should give (null: none). */
    record Credential(String authorization, Grant grant) {
    }

    @BeforeAll
    void start() {
        server = TestServer.start("[auth]\nsecret = \"" + SECRET + "\"\ntokens = [\"" + STATIC_TOKEN + "\"]\n"
                + "[[auth.accounts]]\nusername = \"live777\"\npassword = \"live777\"\n", TestServer.PROBE, TestServer.FIXTURES);
        String login = server.http.retrieve(HttpRequest.POST("/api/login", "{\"username\":\"live777\",\"password\":\"live777\"}")
                        .header(AuthProbeFilter.BYPASS, "1"),
                Map.class).get("token").toString();

        credentials.put("missing", new Credential(null, null));
        credentials.put("garbage", bearer("garbage-not-a-token", null));
        credentials.put("garbage-dots", bearer("a.b.c", null));
        credentials.put("static-wrong", bearer(STATIC_TOKEN + "x", null));
        credentials.put("basic-scheme", new Credential("Basic bGl2ZTc3NzpsaXZlNzc3", null));
        credentials.put("wrong-signature", bearer(TestTokens.hs256(OTHER_SECRET, "*", 7, Duration.ofMinutes(10)), null));
        credentials.put("expired", bearer(TestTokens.sign(SECRET, JWSAlgorithm.HS256,
                TestTokens.claims("*", 7, Instant.now().minusSeconds(120))), null));
        credentials.put("alg-none", bearer(TestTokens.unsigned("*", 7), null));
        credentials.put("hs512-same-secret", bearer(TestTokens.sign(SECRET, JWSAlgorithm.HS512,
                TestTokens.claims("*", 7, Instant.now().plusSeconds(600))), null));
        credentials.put("no-exp", bearer(TestTokens.sign(SECRET, JWSAlgorithm.HS256, TestTokens.claims("*", 7, null)), null));
        credentials.put("mode-8", bearer(TestTokens.hs256(SECRET, "*", 8, Duration.ofMinutes(10)), null));
        credentials.put("static", bearer(STATIC_TOKEN, Grant.full()));
        credentials.put("login", bearer(login, Grant.full()));
        for (String id : List.of(OWN, "*")) {
            for (int mode = 0; mode <= 7; mode++) {
                credentials.put("jwt(" + id + "," + mode + ")",
                        bearer(TestTokens.hs256(SECRET, id, mode, Duration.ofMinutes(10)), new Grant(id, mode)));
            }
        }
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private static Credential bearer(String token, Grant grant) {
        return new Credential("Bearer " + token, grant);
    }

    /** A request to make and what decides its expected code. */
    record Target(String method, String path, RouteRule rule, String stream, String kind) {
        static Target row(String method, String path, RouteRule rule, String stream) {
            return new Target(method, path, rule, stream, "row");
        }
    }

    static List<Target> targets() {
        List<Target> targets = new ArrayList<>();
        for (RouteRule rule : RouteRights.of(Service.CONTROL_PLANE)) {
            List<String> methods = rule.method().equals(RouteRule.ANY_METHOD) ? List.of("GET", "POST", "DELETE") : List.of(rule.method());
            for (String method : methods) {
                for (String stream : perStream(rule) ? List.of(OWN, OTHER) : List.of(OWN)) {
                    String rest = rule.scope() == Scope.STREAM_IN_PATH ? stream + "/2026/11/21/manifest.mpd"
                            : "api/streams/" + stream;
                    targets.add(Target.row(method, rule.path().expand(Map.of("stream", stream, "session", "s-1",
                            "alias", "node-1", "path", rest)), rule, stream));
                }
            }
        }
        targets.add(new Target("PUT", "/api/fixture/unlisted", null, null, "unlisted"));
        targets.add(new Target("GET", "/threaddump", null, null, "unknown"));
        targets.add(new Target("GET", "/no/such/route", null, null, "unknown"));
        targets.add(new Target("GET", "/api/nodes/node-1/heartbeat/extra", null, null, "unknown"));
        return targets;
    }

    Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Target target : targets()) {
            for (Map.Entry<String, Credential> credential : credentials.entrySet()) {
                cases.add(Arguments.of(target.method(), target.path(), credential.getKey(),
                        expected(target, credential.getValue().grant()), target));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} with {2} -> {3}")
    @MethodSource("cases")
    void matrix(String method, String path, String credentialName, int expected, Target target) {
        Credential credential = credentials.get(credentialName);
        MutableHttpRequest<String> request = HttpRequest.create(HttpMethod.valueOf(method), path);
        if (!method.equals("GET") && !method.equals("DELETE")) {
            request.body("{}").contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        if (credential.authorization() != null) {
            request.header(HttpHeaders.AUTHORIZATION, credential.authorization());
        }
        HttpResponse<String> response = server.exchange(request);
        assertEquals(expected, response.code(), () -> method + " " + path + " with " + credentialName
                + ": " + response.getBody(String.class).orElse(""));
        String body = response.getBody(String.class).orElse("");
        switch (expected) {
            case 200 -> assertEquals("passed", response.header(AuthProbeFilter.HEADER));
            case 401 -> {
                String challenge = response.header(HttpHeaders.WWW_AUTHENTICATE);
                boolean bearerSent = credential.authorization() != null && credential.authorization().startsWith("Bearer ");
                assertEquals(BearerChallenge.header(bearerSent), challenge);
                assertTrue(body.startsWith("{\"error\":\"unauthorized\",\"message\":\""), body);
            }
            case 403 -> assertTrue(body.startsWith("{\"error\":\"forbidden\",\"message\":\""), body);
            default -> assertEquals(404, expected);
        }
    }

    /** Rows whose rights depend on the stream named in the path. */
    private static boolean perStream(RouteRule rule) {
        return rule.scope() == Scope.STREAM || rule.scope() == Scope.STREAM_IN_PATH;
    }

    /** DESIGN.md's rules, written out independently of AccessPolicy. */
    private static int expected(Target target, Grant grant) {
        return switch (target.kind()) {
            case "unknown" -> 404;
            case "unlisted" -> grant == null ? 401 : 403;
            default -> {
                RouteRule rule = target.rule();
                if (rule.scope() == Scope.PUBLIC || rule.scope() == Scope.NODE) {
                    yield 200;
                }
                if (grant == null) {
                    yield 401;
                }
                boolean stream = grant.id().equals("*") || (perStream(rule) && grant.id().equals(target.stream()));
                yield stream && (grant.mode() & rule.anyOf()) != 0 ? 200 : 403;
            }
        };
    }
}
