package dev.castmesh.controlplane.auth;

import dev.castmesh.security.SigningKeyFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Accounts without {@code auth.secret}: a random key per process, announced in the log. */
class RandomSecretTest {
    private static final String CONFIG = "[[auth.accounts]]\nusername = \"live777\"\npassword = \"live777\"\n";

    private static String login(TestServer server) {
        String body = server.exchange(HttpRequest.POST("/api/login", "{\"username\":\"live777\",\"password\":\"live777\"}"))
                .getBody(String.class).orElseThrow();
        return TestTokens.fromAnswer(body);
    }

    @Test
    void tokensWorkOnlyInTheProcessThatSignedThem() {
        Logger logger = (Logger) LoggerFactory.getLogger(SigningKeyFactory.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try (TestServer first = TestServer.start(CONFIG); TestServer second = TestServer.start(CONFIG)) {
            String token = login(first);
            HttpResponse<String> here = first.exchange(HttpRequest.POST("/api/token", "{\"id\":\"*\",\"mode\":4}").bearerAuth(token));
            assertEquals(200, here.code());
            HttpResponse<String> elsewhere = second.exchange(HttpRequest.POST("/api/token", "{\"id\":\"*\",\"mode\":4}").bearerAuth(token));
            assertEquals(401, elsewhere.code());
            assertTrue(appender.list.stream().anyMatch(event -> event.getFormattedMessage().startsWith(
                    "auth.secret is not set: tokens from /api/login and /api/token are signed with a random per-process key")));
        } finally {
            logger.detachAppender(appender);
        }
    }
}
