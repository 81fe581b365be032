package dev.castmesh.gst.client;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpSdpExchangeTest {
    private HttpServer server;
    private final List<String> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/whip/ok", ex -> {
            seen.add(ex.getRequestMethod() + " " + ex.getRequestHeaders().getFirst("Content-Type") + " "
                    + ex.getRequestHeaders().getFirst("Authorization") + " "
                    + new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.getResponseHeaders().add("Location", "/session/ok/abc");
            byte[] body = "v=0 answer".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(201, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.createContext("/session/ok/abc", ex -> {
            seen.add(ex.getRequestMethod() + " " + ex.getRequestHeaders().getFirst("Authorization"));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        server.createContext("/whip/taken", ex -> {
            byte[] body = "{\"error\":\"stream_already_published\",\"message\":\"stream 'taken' already has a publisher\"}"
                    .getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(409, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Test
    void postsTheOfferAndDeletesTheLocationWithTheToken() throws Exception {
        HttpSdpExchange exchange = new HttpSdpExchange(uri("/whip/ok"), Optional.of("s3cret"), Duration.ofSeconds(5));
        assertEquals("v=0 answer", exchange.exchange("v=0 offer"));
        assertEquals(uri("/session/ok/abc"), exchange.session().orElseThrow());
        exchange.terminate();
        exchange.terminate();
        assertEquals(List.of("POST application/sdp Bearer s3cret v=0 offer", "DELETE Bearer s3cret"), seen);
    }

    @Test
    void errorStatusCarriesTheServersMessage() {
        HttpSdpExchange exchange = new HttpSdpExchange(uri("/whip/taken"), Optional.empty(), Duration.ofSeconds(5));
        HttpStatusException e = assertThrows(HttpStatusException.class, () -> exchange.exchange("v=0"));
        assertEquals(409, e.status());
        assertEquals("HTTP 409: stream 'taken' already has a publisher", e.getMessage());
        assertTrue(HttpSdpExchange.serverMessage("plain text").equals("plain text"));
    }
}
