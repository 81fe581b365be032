package dev.castmesh.controlplane.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;
import com.nimbusds.jose.JWSAlgorithm;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Logs every logger at TRACE while the control plane starts, logs in (right, wrong, blocked), mints
 * tokens and refuses requests, then checks that no log line holds a secret, token or password. Uses
 * the JDK HTTP client so that only server-side logging is captured.
 */
class NoSecretsInLogsTest {
    private static final String SECRET = "log-test-secret-0123456789-abcdefghij";
    private static final String STATIC_TOKEN = "log-test-static-token-4711";
    private static final String PLAIN_PASSWORD = "plain-pw-for-log-test";
    private static final String BCRYPT_PASSWORD = "bcrypt-pw-for-log-test";
    private static final String WRONG_PASSWORD = "wrong-pw-for-log-test";

    private final HttpClient client = HttpClient.newHttpClient();
    private String base;

    @Test
    void noCredentialEverReachesTheLog() throws Exception {
        String hash = BCrypt.with(BCrypt.Version.VERSION_2B).hashToString(4, BCRYPT_PASSWORD.toCharArray());
        List<String> secrets = new ArrayList<>(List.of(SECRET, STATIC_TOKEN, PLAIN_PASSWORD, BCRYPT_PASSWORD, WRONG_PASSWORD, hash));
        String garbage = "garbage-token-for-log-test";
        String wrongSignature = TestTokens.hs256("some-other-secret-".repeat(2), "*", 7, Duration.ofMinutes(5));
        String expired = TestTokens.sign(SECRET, JWSAlgorithm.HS256, TestTokens.claims("*", 7, Instant.now().minusSeconds(60)));
        String unsigned = TestTokens.unsigned("*", 7);
        secrets.addAll(List.of(garbage, wrongSignature, expired, unsigned));

        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        Level level = root.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.TRACE);
        try (TestServer server = TestServer.start("[auth]\nsecret = \"" + SECRET + "\"\ntokens = [\"" + STATIC_TOKEN + "\"]\n"
                + "[[auth.accounts]]\nusername = \"admin\"\npassword = \"" + PLAIN_PASSWORD + "\"\n"
                + "[[auth.accounts]]\nusername = \"ops\"\npassword = \"" + hash + "\"\n")) {
            base = server.url();

            String login = token(post("/api/login", "{\"username\":\"admin\",\"password\":\"" + PLAIN_PASSWORD + "\"}", null));
            String bcryptLogin = token(post("/api/login", "{\"username\":\"ops\",\"password\":\"" + BCRYPT_PASSWORD + "\"}", null));
            String minted = token(post("/api/token", "{\"id\":\"cam-1\",\"mode\":6,\"duration\":600}", STATIC_TOKEN));
            String mintedByLogin = token(post("/api/token", "{\"id\":\"*\",\"mode\":1}", login));
            secrets.addAll(List.of(login, bcryptLogin, minted, mintedByLogin));

            assertEquals(401, post("/api/login", "{\"username\":\"admin\",\"password\":\"" + WRONG_PASSWORD + "\"}", null).statusCode());
            // The password typed into the username field.
            assertEquals(401, post("/api/login", "{\"username\":\"" + WRONG_PASSWORD + "\",\"password\":\"x\"}", null).statusCode());
            assertEquals(400, post("/api/login", "{not json \"" + PLAIN_PASSWORD + "\"", null).statusCode());
            assertEquals(401, post("/api/login", "{\"username\":\"ops\",\"password\":\"" + WRONG_PASSWORD + "\"}", null).statusCode());
            assertEquals(401, post("/api/login", "{\"username\":\"admin\",\"password\":\"" + WRONG_PASSWORD + "\"}", null).statusCode());
            assertEquals(401, post("/api/login", "{\"username\":\"nobody\",\"password\":\"" + WRONG_PASSWORD + "\"}", null).statusCode());
            assertEquals(429, post("/api/login", "{\"username\":\"admin\",\"password\":\"" + PLAIN_PASSWORD + "\"}", null).statusCode());

            for (String token : List.of(garbage, wrongSignature, expired, unsigned)) {
                assertEquals(401, post("/api/token", "{\"id\":\"*\",\"mode\":7}", token).statusCode());
                assertEquals(401, get("/api/streams", token).statusCode());
            }
            assertEquals(403, post("/whip/cam-2", "v=0", minted).statusCode());
            assertEquals(403, post("/api/token", "{\"id\":\"*\",\"mode\":7}", mintedByLogin).statusCode());
            assertEquals(404, get("/threaddump", STATIC_TOKEN).statusCode());
            assertEquals(200, get("/api/streams", STATIC_TOKEN).statusCode());
            assertEquals(200, get("/health", minted).statusCode());

            // ?token= instead of the header: the same answers, and neither the log nor an answer shows the token.
            for (String token : List.of(garbage, wrongSignature, expired, unsigned)) {
                assertAnswers(401, byQuery("/api/streams", token), token);
            }
            assertAnswers(403, byQuery("/api/streams", minted), minted);
            assertAnswers(200, byQuery("/api/streams?nodes=a", STATIC_TOKEN), STATIC_TOKEN);
            assertAnswers(404, byQuery("/threaddump", STATIC_TOKEN), STATIC_TOKEN);
            assertAnswers(404, byQuery("/api/relay/no-such-node/api/streams", STATIC_TOKEN), STATIC_TOKEN);
            assertAnswers(400, byQuery("/api/relay/bad..alias/x", STATIC_TOKEN), STATIC_TOKEN);
        } finally {
            root.setLevel(level);
            root.detachAppender(appender);
        }

        assertTrue(appender.list.size() > 100, "TRACE logging was not captured: " + appender.list.size() + " events");
        List<String> fragments = new ArrayList<>(secrets);
        for (String secret : secrets) {
            // The signature part of a JWT alone is a secret too.
            String[] parts = secret.split("\\.");
            if (parts.length == 3 && parts[2].length() > 10) {
                fragments.add(parts[2]);
            }
        }
        for (ILoggingEvent event : appender.list) {
            String text = render(event);
            for (String fragment : fragments) {
                assertTrue(!text.contains(fragment), () -> "a credential reached the log at " + event.getLevel() + " from "
                        + event.getLoggerName() + ": " + text.replace(fragment, "<CREDENTIAL>"));
            }
        }
    }

    private static String render(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(event.getFormattedMessage() == null ? "" : event.getFormattedMessage());
        if (event.getArgumentArray() != null) {
            text.append(' ').append(Arrays.deepToString(event.getArgumentArray()));
        }
        Map<String, String> mdc = event.getMDCPropertyMap();
        if (mdc != null) {
            text.append(' ').append(mdc);
        }
        for (IThrowableProxy error = event.getThrowableProxy(); error != null; error = error.getCause()) {
            text.append(' ').append(error.getClassName()).append(": ").append(error.getMessage());
            for (StackTraceElementProxy frame : error.getStackTraceElementProxyArray()) {
                text.append(' ').append(frame.getSTEAsString());
            }
        }
        return text.toString();
    }

    private HttpResponse<String> post(String path, String body, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", path.startsWith("/whip/") ? "application/sdp" : "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String bearer) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + bearer).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> byQuery(String path, String token) throws IOException, InterruptedException {
        String url = base + path + (path.contains("?") ? "&" : "?") + "token=" + token;
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertAnswers(int status, HttpResponse<String> response, String token) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(!response.body().contains(token) && response.headers().map().values().stream().flatMap(List::stream)
                .noneMatch(value -> value.contains(token)), "the answer shows the query token: " + response.body());
    }

    private static String token(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return TestTokens.fromAnswer(response.body());
    }
}
