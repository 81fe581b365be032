package dev.castmesh.controlplane.auth;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code POST /api/token} on a real server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenMintTest {
    private static final String SECRET = "mint-secret-".repeat(3);
    private static final String STATIC_TOKEN = "static-token-mint";
    private TestServer server;

    @BeforeAll
    void start() {
        server = TestServer.start("[auth]\nsecret = \"" + SECRET + "\"\ntokens = [\"" + STATIC_TOKEN + "\"]\n");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private HttpResponse<String> mint(String body, String bearer) {
        return server.exchange(HttpRequest.POST("/api/token", body).bearerAuth(bearer));
    }

    private static String token(HttpResponse<String> response) {
        assertEquals(200, response.code(), () -> response.getBody(String.class).orElse(""));
        String body = response.getBody(String.class).orElseThrow();
        return TestTokens.fromAnswer(body);
    }

    @Test
    void mintsLive777Claims() {
        String token = token(mint("{\"id\":\"cam-1\",\"mode\":2,\"duration\":60}", STATIC_TOKEN));
        Map<String, Object> claims = TestTokens.payload(token);
        assertEquals("cam-1", claims.get("id"));
        assertEquals(2L, ((Number) claims.get("mode")).longValue());
        long exp = ((Number) claims.get("exp")).longValue();
        assertTrue(Math.abs(exp - Instant.now().plusSeconds(60).getEpochSecond()) < 10);
        assertEquals(3, claims.size());
        assertEquals("{\"alg\":\"HS256\"}", TestTokens.header(token));
    }

    @Test
    void defaultsToAnHour() {
        long exp = ((Number) TestTokens.payload(token(mint("{\"id\":\"*\",\"mode\":4}", STATIC_TOKEN))).get("exp")).longValue();
        assertTrue(Math.abs(exp - Instant.now().plusSeconds(3600).getEpochSecond()) < 10);
    }

    @Test
    void durationIsCappedAtSevenDays() {
        token(mint("{\"id\":\"*\",\"mode\":4,\"duration\":604800}", STATIC_TOKEN));
        for (String duration : new String[]{"604801", "0", "-5", "99999999999"}) {
            HttpResponse<String> response = mint("{\"id\":\"*\",\"mode\":4,\"duration\":" + duration + "}", STATIC_TOKEN);
            assertEquals(400, response.code(), duration);
            assertEquals("{\"error\":\"bad_request\",\"message\":\"duration must be 1 to 604800 seconds\"}",
                    response.getBody(String.class).orElseThrow());
        }
    }

    /** Issue 10 finding 13: a token minted with a JWT never outlives that JWT. */
    @Test
    void aMintedTokenDoesNotOutliveItsMinter() {
        String minter = TestTokens.hs256(SECRET, "*", 7, Duration.ofSeconds(120));
        long minterExp = ((Number) TestTokens.payload(minter).get("exp")).longValue();
        HttpResponse<String> longer = mint("{\"id\":\"cam-1\",\"mode\":4,\"duration\":3600}", minter);
        assertEquals(400, longer.code(), () -> longer.getBody(String.class).orElse(""));
        assertTrue(longer.getBody(String.class).orElseThrow().contains("the token that mints it expires then"));
        long defaulted = ((Number) TestTokens.payload(token(mint("{\"id\":\"cam-1\",\"mode\":4}", minter)))
                .get("exp")).longValue();
        assertTrue(defaulted <= minterExp, defaulted + " after the minter's " + minterExp);
        long shorter = ((Number) TestTokens.payload(token(mint("{\"id\":\"cam-1\",\"mode\":4,\"duration\":60}",
                minter))).get("exp")).longValue();
        assertTrue(Math.abs(shorter - Instant.now().plusSeconds(60).getEpochSecond()) < 10);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"id\":\"cam-1\",\"mode\":0}", "{\"id\":\"cam-1\",\"mode\":8}", "{\"id\":\"cam-1\"}",
            "{\"id\":\"cam-1\",\"mode\":-1}", "{\"id\":\"a/b\",\"mode\":2}", "{\"id\":\"\",\"mode\":2}", "{\"mode\":2}",
            "{\"id\":\"**\",\"mode\":2}", "{\"id\":\"..\",\"mode\":2}", "not json", "", "{\"id\":\"cam-1\",\"mode\":\"x\"}"})
    void refusesBadRequests(String body) {
        HttpResponse<String> response = mint(body, STATIC_TOKEN);
        assertEquals(400, response.code(), body);
        assertTrue(response.getBody(String.class).orElseThrow().startsWith("{\"error\":\"bad_request\""));
    }

    @Test
    void streamIdsAreCapped() {
        token(mint("{\"id\":\"" + "x".repeat(128) + "\",\"mode\":2}", STATIC_TOKEN));
        assertEquals(400, mint("{\"id\":\"" + "x".repeat(129) + "\",\"mode\":2}", STATIC_TOKEN).code());
    }

    @Test
    void cannotMintRightsTheCallerLacks() {
        String adminOnly = token(mint("{\"id\":\"*\",\"mode\":1}", STATIC_TOKEN));
        HttpResponse<String> refused = mint("{\"id\":\"cam-1\",\"mode\":2}", adminOnly);
        assertEquals(403, refused.code());
        assertEquals("{\"error\":\"forbidden\",\"message\":\"cannot mint Grant[cam-1, publish] with a token that only grants Grant[*, admin]\"}",
                refused.getBody(String.class).orElseThrow());
        token(mint("{\"id\":\"cam-1\",\"mode\":1}", adminOnly));
    }

    @Test
    void onlyWildcardAdminsMayMint() {
        String streamAdmin = TestTokens.hs256(SECRET, "cam-1", 7, Duration.ofMinutes(5));
        assertEquals(403, mint("{\"id\":\"cam-1\",\"mode\":2}", streamAdmin).code());
        String publisher = token(mint("{\"id\":\"*\",\"mode\":6}", STATIC_TOKEN));
        assertEquals(403, mint("{\"id\":\"cam-1\",\"mode\":2}", publisher).code());
        assertEquals(401, server.exchange(HttpRequest.POST("/api/token", "{\"id\":\"cam-1\",\"mode\":2}")).code());
    }

    @Test
    void mintedTokensAreAcceptedAndExpire() {
        String minted = token(mint("{\"id\":\"*\",\"mode\":1,\"duration\":1}", STATIC_TOKEN));
        assertEquals(200, mint("{\"id\":\"*\",\"mode\":1}", minted).code());
        String expired = TestTokens.sign(SECRET, com.nimbusds.jose.JWSAlgorithm.HS256,
                TestTokens.claims("*", 7, Instant.now().minusSeconds(1)));
        assertEquals(401, mint("{\"id\":\"*\",\"mode\":1}", expired).code());
    }

    @Test
    void mintsFromLivemansBooleans() {
        HttpResponse<String> response = mint("{\"id\":\"cam-1\",\"duration\":60,\"subscribe\":true,\"publish\":false,"
                + "\"admin\":true}", STATIC_TOKEN);
        String token = token(response);
        dev.castmesh.controlplane.testing.LivemanShape.of("token").check(response.getBody(String.class).orElseThrow());
        Map<String, Object> claims = TestTokens.payload(token);
        assertEquals("cam-1", claims.get("id"));
        assertEquals(5L, ((Number) claims.get("mode")).longValue(), "subscribe 4 + admin 1");
        long exp = ((Number) claims.get("exp")).longValue();
        assertTrue(Math.abs(exp - Instant.now().plusSeconds(60).getEpochSecond()) < 10);
        assertEquals(2L, ((Number) TestTokens.payload(token(mint("{\"id\":\"*\",\"duration\":60,\"publish\":true}",
                STATIC_TOKEN))).get("mode")).longValue(), "an absent boolean is false");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "{\"id\":\"cam-1\",\"duration\":60,\"subscribe\":false,\"publish\":false,\"admin\":false}"
                    + "|at least one of subscribe, publish and admin must be true",
            "{\"id\":\"cam-1\",\"mode\":4,\"subscribe\":true}|give either mode or subscribe/publish/admin, not both",
            "{\"id\":\"cam-1\",\"subscribe\":\"yes\"}|the body must be JSON {\"id\": \"stream or *\", \"mode\": 1-7, \"duration\": seconds}"
                    + " or {\"id\", \"duration\", \"subscribe\", \"publish\", \"admin\"} with true/false"})
    void refusesBadLivemanBodiesNamingTheProblem(String body, String message) {
        HttpResponse<String> response = mint(body, STATIC_TOKEN);
        assertEquals(400, response.code(), body);
        assertEquals(Map.of("error", "bad_request", "message", message), parse(response.getBody(String.class).orElseThrow()));
    }

    private static Map<?, ?> parse(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, Map.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(json, e);
        }
    }
}
