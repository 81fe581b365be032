package dev.castmesh.controlplane.ice;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castmesh.api.ice.IceServer;
import dev.castmesh.controlplane.testing.FakeCloudflare;
import dev.castmesh.controlplane.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link CloudflareIce} against {@link FakeCloudflare}, Cloudflare's documented request and answer, optionally slow. */
class CloudflareIceTest {
    private static final String TOKEN = "cf-api-token-must-not-leak";
    private static final String ANSWER = FakeCloudflare.ANSWER;

    private FakeCloudflare cf;
    private List<String> requests;
    private AtomicInteger status;
    private AtomicReference<String> body;
    private AtomicLong delayMillis;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T08:00:00Z"));

    @BeforeEach
    void start() throws IOException {
        cf = new FakeCloudflare();
        requests = cf.requests;
        status = cf.status;
        body = cf.body;
        delayMillis = cf.delayMillis;
    }

    @AfterEach
    void stop() {
        cf.close();
    }

    private CloudflareIce client() {
        String base = cf.apiBase();
        return new CloudflareIce(new ExtraIceConfig.Cloudflare("key-123", TOKEN, Duration.ofSeconds(3600), base),
                HttpClient.newHttpClient(), new ObjectMapper(), clock);
    }

    @Test
    void postsTheDocumentedRequestAndReadsTheAnswer() {
        CloudflareIce cloudflare = client();
        assertEquals(List.of(), cloudflare.servers(), "nothing fetched yet: the first call starts the fetch, never waits");
        cloudflare.pending().join();
        List<IceServer> servers = cloudflare.servers();
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
    void answerIsCachedUntilNinetyPercentOfItsTtlThenRefreshedWhileStillServed() {
        CloudflareIce cloudflare = client();
        cloudflare.refresh().join();
        List<IceServer> first = cloudflare.servers();
        clock.advance(Duration.ofSeconds(3239));
        assertEquals(first, cloudflare.servers());
        cloudflare.pending().join();
        assertEquals(1, requests.size());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(first, cloudflare.servers(), "the old answer is served while the refresh runs");
        cloudflare.pending().join();
        assertEquals(2, requests.size());
        clock.advance(Duration.ofSeconds(3600));
        status.set(500);
        assertEquals(List.of(), cloudflare.servers(), "credentials past their ttl are never answered");
        cloudflare.pending().join();
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
            cloudflare.refresh().join();
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
            cloudflare.servers();
            cloudflare.pending().join();
            assertEquals(2, cloudflare.servers().size());
            assertEquals(2, requests.size());

            body.set("{\"unexpected\":true}");
            clock.advance(Duration.ofHours(2));
            assertEquals(List.of(), cloudflare.servers());
            cloudflare.pending().join();
            assertEquals("Cloudflare TURN credentials unavailable, answering without them: the answer has no iceServers array",
                    appender.list.get(1).getFormattedMessage());
        } finally {
            logger.detachAppender(appender);
        }
    }

    @Test
    void unreachableServiceAnswersNothing() {
        CloudflareIce cloudflare = client();
        cf.close();
        cloudflare.refresh().join();
        assertEquals(List.of(), cloudflare.servers());
    }

    /** Issue 10 finding 11: a Cloudflare that takes 2 s per call holds up no caller, and is called once per refresh. */
    @Test
    void slowCloudflareNeverBlocksCallers() throws Exception {
        delayMillis.set(2_000);
        CloudflareIce cloudflare = client();
        long start = System.nanoTime();
        assertEquals(List.of(), cloudflare.servers());
        long firstMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(firstMs < 200, "the first call waited " + firstMs + " ms");
        cloudflare.pending().join();
        List<IceServer> first = cloudflare.servers();
        assertEquals(2, first.size());

        body.set(ANSWER.replace("bc91b63e", "0fresh00"));
        clock.advance(Duration.ofSeconds(3300));
        java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(20);
        try {
            List<java.util.concurrent.Future<Long>> waits = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                waits.add(callers.submit(() -> {
                    long t = System.nanoTime();
                    assertEquals(first, cloudflare.servers());
                    return (System.nanoTime() - t) / 1_000_000;
                }));
            }
            long worst = 0;
            for (java.util.concurrent.Future<Long> wait : waits) {
                worst = Math.max(worst, wait.get());
            }
            System.out.println("slow Cloudflare (2 s per call): first call " + firstMs + " ms, 20 callers during the refresh:"
                    + " worst " + worst + " ms");
            assertTrue(worst < 200, "a caller waited " + worst + " ms for the refresh");
        } finally {
            callers.shutdownNow();
        }
        cloudflare.pending().join();
        assertEquals(2, requests.size(), "one refresh for all callers");
        assertTrue(cloudflare.servers().get(1).username().startsWith("0fresh00"));
    }
}
