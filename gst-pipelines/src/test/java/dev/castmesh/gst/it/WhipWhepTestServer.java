package dev.castmesh.gst.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.castmesh.gst.errors.MediaException;
import dev.castmesh.gst.errors.StreamAlreadyPublishedException;
import dev.castmesh.gst.errors.StreamNotFoundException;
import dev.castmesh.gst.hub.MediaEngine;
import dev.castmesh.gst.hub.SessionAnswer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The agent's WHIP/WHEP contract, just enough of it to drive the CLI clients over real HTTP in tests:
 * POST /whip|whep/{stream}, DELETE /session/{stream}/{id}, bearer token, JSON errors.
 */
final class WhipWhepTestServer implements AutoCloseable {
    private final HttpServer server;
    private final MediaEngine engine;
    private final String token;
    private final java.util.List<String> viewerAnswers = new java.util.concurrent.CopyOnWriteArrayList<>();

    WhipWhepTestServer(MediaEngine engine, String token) throws IOException {
        this.engine = engine;
        this.token = token;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The SDP answers sent to WHEP viewers so far, oldest first. */
    java.util.List<String> viewerAnswers() {
        return java.util.List.copyOf(viewerAnswers);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!("Bearer " + token).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                json(ex, 401, "unauthorized", "missing or wrong bearer token");
                return;
            }
            String[] path = ex.getRequestURI().getPath().split("/", 4);
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            try {
                if (ex.getRequestMethod().equals("POST") && path.length == 3
                        && (path[1].equals("whip") || path[1].equals("whep"))) {
                    SessionAnswer answer = path[1].equals("whip") ? engine.publish(path[2], body)
                            : engine.subscribe(path[2], body);
                    if (path[1].equals("whep")) {
                        viewerAnswers.add(answer.sdp());
                    }
                    ex.getResponseHeaders().add("Location", "/session/" + path[2] + "/" + answer.sessionId());
                    ex.getResponseHeaders().add("Content-Type", "application/sdp");
                    send(ex, 201, answer.sdp());
                } else if (ex.getRequestMethod().equals("DELETE") && path.length == 4 && path[1].equals("session")) {
                    engine.endSession(path[2], path[3]);
                    ex.sendResponseHeaders(204, -1);
                } else {
                    json(ex, 404, "not_found", "no such resource");
                }
            } catch (MediaException e) {
                int status = e instanceof StreamAlreadyPublishedException ? 409
                        : e instanceof StreamNotFoundException ? 404 : 400;
                json(ex, status, e.code(), e.getMessage());
            }
        }
    }

    private static void json(HttpExchange ex, int status, String error, String message) throws IOException {
        ex.getResponseHeaders().add("Content-Type", "application/json");
        send(ex, status, "{\"error\":\"" + error + "\",\"message\":\"" + message.replace("\"", "\\\"") + "\"}");
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
