package dev.castmesh.controlplane.testing;

import dev.castmesh.api.streams.StreamInfo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A small explicit stand-in for a media agent that speaks the agent HTTP contract of DESIGN.md, without media:
 * <ul>
 *   <li>{@code POST /whip/{stream}} (application/sdp): 201, body {@code answer:<offer>}, {@code Location:
 *       /session/{stream}/{id}}, {@code ETag: "e-{id}"}, {@code Link: <stun:stun.{name}.test:3478>; rel="ice-server"};
 *       409 {@code conflict} if the stream has a publisher;</li>
 *   <li>{@code POST /whep/{stream}}: the same for a viewer; 404 {@code stream_not_found} without a publisher;</li>
 *   <li>{@code PATCH /session/{stream}/{id}}: 204 with the ETag; {@code DELETE}: 200; 404 {@code session_not_found};</li>
 *   <li>{@code DELETE /api/streams/{stream}}: 204, or 404;</li>
 *   <li>{@code GET /api/streams}: the {@link StreamInfo}s given to {@link #streams} as the agent's JSON (Jackson's
 *       defaults, instants as decimal seconds like the agent's Micronaut mapper); before any are given, the catch-all answer below;</li>
 *   <li>{@code POST /api/cascade/{stream}}: after {@link #cascadeDelay} ms, {@link #cascadeStatus} (201 unless set);
 *       a 200 or 201 pull gives the agent the stream (a WHEP there then works);</li>
 *   <li>any request without {@code Authorization: Bearer <token>} (when a token is set): 401.</li>
 * </ul>
 * Every request is recorded as {@code "METHOD /raw/path?query | authorization | content-type | if-match | body"}, with
 * each JWT that one of the fakes' {@link #grantKey()}s verifies written as {@code jwt(<that fake>:<id>:<mode>)}
 * (see {@link LegTokenCheck}): what a cascade leg's token may do and on which node, whatever its expiry.
 * {@link #failNext} makes the next request answer a given status and body.
 */
public final class FakeAgent implements AutoCloseable {
    private final String name;
    private final String token;
    private final HttpServer server;
    private static final String STREAM_LIST = "GET /api/streams |";
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Set<String> publishers = ConcurrentHashMap.newKeySet();
    private final Set<String> reserved = ConcurrentHashMap.newKeySet();
    private final Map<String, String> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicReference<int[]> failStatus = new AtomicReference<>();
    private final AtomicReference<String> failBody = new AtomicReference<>();
    private volatile int cascadeStatus = 201;
    private volatile long cascadeDelay;
    private volatile String streamsJson;

    public FakeAgent(String name, String token) {
        this.name = name;
        this.token = token;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.start();
        LegTokenCheck.register(name);
    }

    /** The HS256 key this fake would report as its {@code grantKey}: 43 characters, distinct per name. */
    public String grantKey() {
        return LegTokenCheck.keyOf(name);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<String> requests() {
        return requests.stream().filter(request -> !request.startsWith(STREAM_LIST)).toList();
    }

    /** Forgets every request so far. */
    public void clearRequests() {
        requests.clear();
    }

    /**
     * The {@code GET /api/streams} requests, kept apart from {@link #requests()}: the control plane's event recorder
     * asks every agent that reports streams once a second, whatever a test does.
     */
    public List<String> streamListRequests() {
        return requests.stream().filter(request -> request.startsWith(STREAM_LIST)).toList();
    }

    /** The status of the following cascade calls (an error status answers {@code {"error","message"}}). */
    public void cascadeStatus(int status) {
        this.cascadeStatus = status;
    }

    /** How long the following cascade calls take to answer. */
    public void cascadeDelay(long millis) {
        this.cascadeDelay = millis;
    }

    /** What {@code GET /api/streams} answers from now on. */
    public void streams(List<StreamInfo> streams) {
        try {
            streamsJson = new com.fasterxml.jackson.databind.ObjectMapper()
                    .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule()).writeValueAsString(streams);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Gives the agent the stream, as a real push from another agent would. */
    public void carry(String stream) {
        publishers.add(stream);
    }

    /** The requests to {@code POST /api/cascade/...}. */
    public List<String> cascadeRequests() {
        return requests.stream().filter(request -> request.startsWith("POST /api/cascade/")).toList();
    }

    public void failNext(int status, String body) {
        failBody.set(body);
        failStatus.set(new int[] {status});
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String rawPath = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        requests.add(LegTokenCheck.redact(method + " " + rawPath + (query == null ? "" : "?" + query) + " | " + auth + " | "
                + exchange.getRequestHeaders().getFirst("Content-Type") + " | "
                + exchange.getRequestHeaders().getFirst("If-Match") + " | " + body));
        int[] fail = failStatus.getAndSet(null);
        if (fail != null) {
            send(exchange, fail[0], "application/json", failBody.get());
            return;
        }
        if (token != null && !("Bearer " + token).equals(auth)) {
            send(exchange, 401, "application/json", "{\"error\":\"unauthorized\",\"message\":\"bad token\"}");
            return;
        }
        String[] parts = rawPath.substring(1).split("/");
        String stream = parts.length > 1 ? URLDecoder.decode(parts[parts.length - (parts[0].equals("session") ? 2 : 1)],
                StandardCharsets.UTF_8) : "";
        if (method.equals("POST") && (parts[0].equals("whip") || parts[0].equals("whep")) && parts.length == 2) {
            boolean whip = parts[0].equals("whip");
            if (whip && !publishers.add(stream)) {
                send(exchange, 409, "application/json", "{\"error\":\"conflict\",\"message\":\"stream '" + stream + "' already has a publisher\"}");
                return;
            }
            if (!whip && !publishers.contains(stream)) {
                send(exchange, 404, "application/json", "{\"error\":\"stream_not_found\",\"message\":\"no stream '" + stream + "'\"}");
                return;
            }
            String id = "S" + ids.incrementAndGet() + "_x-Y";
            sessions.put(id, stream);
            exchange.getResponseHeaders().add("Location", "/session/" + parts[1] + "/" + id);
            exchange.getResponseHeaders().add("ETag", "\"e-" + id + "\"");
            exchange.getResponseHeaders().add("Link", "<stun:stun." + name + ".test:3478>; rel=\"ice-server\"");
            send(exchange, 201, "application/sdp", "answer:" + body);
        } else if (parts[0].equals("session") && parts.length == 3) {
            String id = parts[2];
            if (!stream.equals(sessions.get(id))) {
                send(exchange, 404, "application/json", "{\"error\":\"session_not_found\",\"message\":\"no session '" + id + "'\"}");
            } else if (method.equals("PATCH")) {
                exchange.getResponseHeaders().add("ETag", "\"e-" + id + "\"");
                send(exchange, 204, null, "");
            } else if (method.equals("DELETE")) {
                sessions.remove(id);
                send(exchange, 200, null, "");
            } else if (method.equals("POST")) {
                send(exchange, 204, null, "");
            } else {
                send(exchange, 405, "application/json", "{\"error\":\"method_not_allowed\",\"message\":\"no\"}");
            }
        } else if (method.equals("POST") && rawPath.startsWith("/api/cascade/") && parts.length == 3) {
            try {
                Thread.sleep(cascadeDelay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            int status = cascadeStatus;
            if (status == 200 || status == 201) {
                if (body.contains("\"sourceUrl\":\"")) {
                    publishers.add(stream);
                }
                send(exchange, status, "application/json", "{\"stream\":\"" + stream + "\"}");
            } else {
                send(exchange, status, "application/json", "{\"error\":\"cascade_error\",\"message\":\"agent " + name
                        + " says no\"}");
            }
        } else if (method.equals("GET") && rawPath.equals("/api/streams") && streamsJson != null) {
            send(exchange, 200, "application/json", streamsJson);
        } else if (method.equals("POST") && rawPath.startsWith("/api/streams/") && parts.length == 3) {
            if (publishers.contains(stream) || !reserved.add(stream)) {
                send(exchange, 409, "application/json", "{\"error\":\"stream_already_exists\",\"message\":\"stream '"
                        + stream + "' already exists on this agent\"}");
            } else {
                send(exchange, 204, null, "");
            }
        } else if (method.equals("DELETE") && rawPath.startsWith("/api/streams/") && parts.length == 3) {
            send(exchange, publishers.remove(stream) ? 204 : 404, null, "");
        } else {
            send(exchange, 200, "application/json", "{\"agent\":\"" + name + "\",\"path\":\"" + rawPath + "\"}");
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) {
            exchange.getResponseHeaders().add("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, status == 204 || bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0 && status != 204) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
