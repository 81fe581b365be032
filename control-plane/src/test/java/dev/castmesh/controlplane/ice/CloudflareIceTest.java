package dev.castmesh.controlplane.ice;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.castmesh.api.ice.IceServer;
import dev.castmesh.controlplane.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link CloudflareIce} against a local server that speaks Cloudflare's documented request and answer. */
class CloudflareIceTest {
    private static final String TOKEN = "cf-api-token-must-not-leak";
    /** The documented answer (developers.cloudflare.com/realtime/turn/generate-credentials), 201 Created. */
    private static final String ANSWER = """
            {"iceServers":[{"urls":["stun:stun.cloudflare.com:3478","stun:stun.cloudflare.com:53"]},
            {"urls":["turn:turn.cloudflare.com:3478?transport=udp","turn:turn.cloudflare.com:3478?transport=tcp",
            "turns:turn.cloudflare.com:5349?transport=tcp"],"username":"bc91b63e2b5d759f8eb9f3b58062439e0a0e15893d76317d833265ad08d6631099ce7c7087caabb31ad3e1c386424e3e",
            "credential":"ebd71f1d3edbc2b0edae3cd5a6d82284aeb5c3b8fdaa9b8e3bf9cec683e0d45fe9f5b44e5145db3300f06c250a15b4a0"}]}""";

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(201);
    private final AtomicReference<String> body = new AtomicReference<>(ANSWER);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T08:00:00Z"));

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String request = exchange.getRequestMethod() + " " + exchange.getRequestURI() + " | "
                    + exchange.getRequestHeaders().getFirst("Authorization") + " | "
                    + exchange.getRequestHeaders().getFirst("Content-Type") + " | "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(request);
            byte[] answer = body.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status.get(), answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private CloudflareIce client() {
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
        return new CloudflareIce(new ExtraIceConfig.Cloudflare("key-123", TOKEN, Duration.ofSeconds(3600), base),
                HttpClient.newHttpClient(), new ObjectMapper(), clock);
    }

    @Test
    void postsTheDocumentedRequestAndReadsTheAnswer() {
        List<IceServer> servers = client().servers();
        assertEquals(List.of("POST /v1/turn/keys/key-123/credentials/generate-ice-servers | Bearer " + TOKEN
                + " | application/json | {\"ttl\":3600}"), requests);
        assertEquals(2, servers.size());
        assertEquals(IceServer.stun("stun:stun.cloudflare.com:3478").urls().get(0), servers.get(0).urls().get(0));
        assertEquals(List.of("stun:stun.cloudflare.com:3478", "stun:stun.cloudflare.com:53"), servers.get(0).urls());
        assertFalse(servers.get(0).hasCredentials());
        assertEquals(3, servers.get(1).urls().size());
        assertTrue(servers.get(1).username().startsWith("bc91b63e"));
        assertTrue(servers.get(1).credential().startsWith("ebd71f1d"));
    }

    @Test
    void answerIsCachedUntilNinetyPercentOfItsTtl() {
        CloudflareIce cloudflare = client();
        List<IceServer> first = cloudflare.servers();
        clock.advance(Duration.ofSeconds(3239));
        assertEquals(first, cloudflare.servers());
        assertEquals(1, requests.size());
        clock.advance(Duration.ofSeconds(1));
        cloudflare.servers();
        assertEquals(2, requests.size());
    }

    @Test
    void failureAnswersNothingLogsWithoutTheTokenAndRetriesLater() {
        Logger logger = (Logger) LoggerFactory.getLogger(CloudflareIce.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            status.set(500);
            body.set("{\"error\":\"nope " + TOKEN + "\"}");
            CloudflareIce cloudflare = client();
            assertEquals(List.of(), cloudflare.servers());
            assertEquals(1, appender.list.size());
            String line = appender.list.get(0).getFormattedMessage() + appender.list.get(0).getKeyValuePairs();
            assertEquals("Cloudflare TURN credentials unavailable, answering without them: HTTP 500 from 127.0.0.1", 
                    appender.list.get(0).getFormattedMessage());
            assertFalse(line.contains(TOKEN), line);

            status.set(201);
            body.set(ANSWER);
            assertEquals(List.of(), cloudflare.servers(), "no retry within 10 s");
            assertEquals(1, requests.size());
            clock.advance(Duration.ofSeconds(10));
            assertEquals(2, cloudflare.servers().size());
            assertEquals(2, requests.size());

            body.set("{\"unexpected\":true}");
            clock.advance(Duration.ofHours(2));
            assertEquals(List.of(), cloudflare.servers());
            assertEquals("Cloudflare TURN credentials unavailable, answering without them: the answer has no iceServers array",
                    appender.list.get(1).getFormattedMessage());
        } finally {
            logger.detachAppender(appender);
        }
    }

    @Test
    void unreachableServiceAnswersNothing() {
        server.stop(0);
        assertEquals(List.of(), client().servers());
    }
}
