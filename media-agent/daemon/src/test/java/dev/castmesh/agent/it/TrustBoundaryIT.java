package dev.castmesh.agent.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.castmesh.api.cluster.NodeCapacity;
import dev.castmesh.api.cluster.NodeHeartbeat;
import dev.castmesh.api.cluster.NodeLoad;
import dev.castmesh.api.cluster.StreamSnapshot;
import dev.castmesh.gst.client.HttpSdpExchange;
import dev.castmesh.gst.client.PublishSource;
import dev.castmesh.gst.client.VideoCodec;
import dev.castmesh.gst.client.WhipClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10, the attack suite: a real control plane (SQLite, an admin token) and two real agents that require their
 * own static tokens, plus a rogue: an HTTP listener that holds the cluster secret, enrols itself as node "rogue" and
 * records every request it gets. What an attacker with the cluster secret or with one node can still do is checked
 * against the real processes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrustBoundaryIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "it-admin-token-0123456789abcdef";
    private static final String ROGUE_KEY = "rogue-grant-key-0123456789abcdefghijklmnopqrstu";
    private static final String ROGUE_BODY = "ROGUE-BODY-NOT-TO-BE-QUOTED";
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

    @TempDir
    static Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final List<AgentProcess> agents = new ArrayList<>();
    private final List<String> rogueSaw = new CopyOnWriteArrayList<>();
    private final List<String> bystanderSaw = new CopyOnWriteArrayList<>();
    private ControlPlaneProcess cp;
    private HttpServer rogue;
    private HttpServer bystander;
    private String rogueUrl;
    private String bystanderUrl;
    private Thread rogueBeats;
    private WhipClient publisher;
    private HttpSdpExchange publisherExchange;
    private String legSubscribeToken;

    static String agentToken(String alias) {
        return "it-agent-token-" + alias + "-0123456789";
    }

    @BeforeAll
    void start() throws Exception {
        int port = ControlPlaneProcess.freePort();
        cp = ControlPlaneProcess.start(port, dir, "region = \"hq\"", """
                [auth]
                tokens = ["%s"]
                [[auth.accounts]]
                username = "ops"
                password = "$2a$10$7EqJtq98hPqEX7fNZaFWoOhi5BWX4Z1Hdt3jgqW/0DYuyhRvfdcKS"
                """.formatted(ADMIN));
        for (String alias : List.of("agent-1", "agent-2")) {
            agents.add(AgentProcess.start(alias, dir, """
                    [auth]
                    tokens = ["%s"]
                    [cluster]
                    control_plane = "%s"
                    alias = "%s"
                    region = "hq"
                    secret = "%s"
                    heartbeat_interval = 1
                    """.formatted(agentToken(alias), cp.url, alias, ControlPlaneProcess.CLUSTER_SECRET)));
        }
        bystander = listener(bystanderSaw, exchange -> answer(exchange, 200, "bystander"));
        bystanderUrl = "http://127.0.0.1:" + bystander.getAddress().getPort();
        rogue = listener(rogueSaw, this::rogueAnswer);
        rogueUrl = "http://127.0.0.1:" + rogue.getAddress().getPort();
        for (AgentProcess agent : agents) {
            Waits.until(() -> online(agent.alias), Duration.ofSeconds(30), agent.alias + " online");
        }
        String credential = enrolRogue();
        rogueBeats = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    heartbeat("rogue", credential, rogueBeat(List.of()));
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // keep beating
                }
            }
        }, "rogue-beats");
        rogueBeats.setDaemon(true);
        rogueBeats.start();
        publisherExchange = new HttpSdpExchange(URI.create(agent(0).url + "/whip/cam"),
                Optional.of(agentToken("agent-1")), TIMEOUT);
        publisher = WhipClient.start(PublishSource.test(VideoCodec.VP8).withVideo(320, 240, 30, 300), publisherExchange,
                List.of(), TIMEOUT);
        assertTrue(publisher.awaitConnected(TIMEOUT), "publisher on agent-1");
        Waits.until(() -> carries("agent-1", "cam"), Duration.ofSeconds(10), "agent-1 reports cam");
    }

    @AfterAll
    void stop() {
        if (rogueBeats != null) {
            rogueBeats.interrupt();
        }
        if (publisher != null) {
            publisher.close();
        }
        agents.forEach(AgentProcess::close);
        if (cp != null) {
            cp.close();
        }
        if (rogue != null) {
            rogue.stop(0);
        }
        if (bystander != null) {
            bystander.stop(0);
        }
    }

    /** Finding 1: the cluster secret enrols a new alias once; it cannot move an enrolled node or claim its streams. */
    @Test
    @Order(1)
    void theClusterSecretCannotMoveAnEnrolledNodeOrClaimStreams() throws Exception {
        String hijack = JSON.writeValueAsString(new NodeHeartbeat(rogueUrl, "hq", new NodeCapacity(100_000, 100_000, null),
                new NodeLoad(0, 0, 0, 0), List.of(new StreamSnapshot("victim", true, null, 0, 0, 0)), "stolen", false,
                ROGUE_KEY));
        HttpResponse<String> moved = heartbeat("agent-1", ControlPlaneProcess.CLUSTER_SECRET, hijack);
        assertEquals(401, moved.statusCode(), moved.body());
        Thread.sleep(1500); // two of agent-1's own heartbeats
        assertEquals(agent(0).url, node("agent-1").orElseThrow().get("publicUrl").asText());
        assertFalse(carries("agent-1", "victim"));
        assertTrue(online("agent-1"), "the real agent keeps heartbeating with its own credential");

        // The agent keeps its credential in its working directory, owner-only, and not the cluster secret.
        Path identity = dir.resolve("agent-1").resolve(".castmesh/node-identity.json");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(identity)));
        JsonNode stored = JSON.readTree(identity.toFile());
        assertEquals(43, stored.get("credential").asText().length(), "256 random bits");
        assertFalse(Files.readString(identity).contains(ControlPlaneProcess.CLUSTER_SECRET));
    }

    /**
     * Finding 2: everything the control plane and the agents send a node holds no agent's own token, only JWTs for
     * one stream and one right that expire within minutes, which work on their one node and nowhere else.
     */
    @Test
    @Order(2)
    void aRogueNodeGetsOnlyStreamScopedShortLivedTokens() throws Exception {
        HttpResponse<String> pull = send("POST", cp.url + "/api/cascade/cam", ADMIN, "{\"target\":\"rogue\"}");
        assertEquals(201, pull.statusCode(), pull.body());
        HttpResponse<String> push = send("POST", cp.url + "/api/cascade/cam", ADMIN,
                "{\"target\":\"rogue\",\"source\":\"agent-1\",\"mode\":\"push\"}");
        assertTrue(push.statusCode() >= 400, "the rogue refuses the push: " + push.body());
        send("POST", cp.url + "/whep/cam?nodes=rogue", ADMIN, "v=0");
        Waits.until(() -> rogueSaw.stream().anyMatch(r -> r.startsWith("POST /whip/cam")), TIMEOUT,
                "agent-1's push reached the rogue");

        String everything = String.join("\n", rogueSaw);
        for (String alias : List.of("agent-1", "agent-2")) {
            assertFalse(everything.contains(agentToken(alias)), alias + "'s own token reached the rogue:\n" + everything);
        }
        Matcher jwts = JWT.matcher(everything);
        List<String> tokens = new ArrayList<>();
        while (jwts.find()) {
            tokens.add(jwts.group());
        }
        assertTrue(tokens.size() >= 2, "a pull token and a push token: " + everything);
        String subscribeToken = null;
        for (String token : tokens) {
            JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
            assertEquals("cam", claims.getStringClaim("id"), claims.toString());
            long mode = claims.getLongClaim("mode");
            assertTrue(mode == 2 || mode == 4, "publish or subscribe only: " + claims);
            Instant exp = claims.getExpirationTime().toInstant();
            assertTrue(exp.isBefore(Instant.now().plus(Duration.ofMinutes(5)).plusSeconds(30)), "short-lived: " + exp);
            if (mode == 4) {
                subscribeToken = token;
            }
        }
        assertTrue(subscribeToken != null, "the pull order carried a subscribe token: " + everything);
        legSubscribeToken = subscribeToken;

        // On agent-1 it is a viewer's token for cam and nothing more; on agent-2 it is nothing.
        assertEquals(400, send("POST", agent(0).url + "/whep/cam", subscribeToken, "not an offer", "application/sdp")
                .statusCode(), "authorised for WHEP cam (then refused as a bad offer)");
        assertEquals("rogue", SignedJWT.parse(subscribeToken).getJWTClaimsSet().getStringClaim("leg"));
        assertEquals(400, send("POST", agent(0).url + "/whep/cam?cascadeTo=rogue", subscribeToken, "not an offer",
                "application/sdp").statusCode(), "its own cascade pull (no viewer seat)");
        assertEquals(403, send("POST", agent(0).url + "/whep/cam?cascadeTo=agent-2", subscribeToken, "not an offer",
                "application/sdp").statusCode(), "not another node's pull");
        assertEquals(403, send("GET", agent(0).url + "/api/streams", subscribeToken, null).statusCode());
        assertEquals(403, send("POST", agent(0).url + "/whep/other", subscribeToken, "not an offer", "application/sdp")
                .statusCode());
        assertEquals(403, send("POST", agent(0).url + "/whip/cam", subscribeToken, "not an offer", "application/sdp")
                .statusCode());
        assertEquals(401, send("POST", agent(1).url + "/whep/cam", subscribeToken, "not an offer", "application/sdp")
                .statusCode(), "signed with agent-1's key: agent-2 does not accept it");
        assertEquals(401, send("GET", cp.url + "/api/nodes", subscribeToken, null).statusCode());
    }

    /** Finding 3: an agent cascades only with nodes of the cluster, follows no redirect and quotes no remote body. */
    @Test
    @Order(3)
    void cascadeToAnUnregisteredUrlIsRefusedAndRedirectsAreNotFollowed() throws Exception {
        HttpResponse<String> scan = send("POST", agent(0).url + "/api/cascade/probe", agentToken("agent-1"),
                "{\"sourceUrl\":\"" + bystanderUrl + "/whep/probe\"}");
        assertEquals(403, scan.statusCode(), scan.body());
        assertEquals("cascade_not_allowed", JSON.readTree(scan.body()).get("error").asText());
        HttpResponse<String> push = send("POST", agent(0).url + "/api/cascade/cam", agentToken("agent-1"),
                "{\"targetUrl\":\"http://169.254.169.254/whip/cam\"}");
        assertEquals(403, push.statusCode(), push.body());

        // The rogue is a registered node: the agent calls it, but does not follow its redirect to the bystander.
        HttpResponse<String> redirected = send("POST", agent(1).url + "/api/cascade/cam", agentToken("agent-2"),
                "{\"sourceUrl\":\"" + rogueUrl + "/whep/cam\"}");
        assertEquals(502, redirected.statusCode(), redirected.body());
        assertFalse(redirected.body().contains(ROGUE_BODY), redirected.body());
        assertTrue(rogueSaw.stream().anyMatch(r -> r.startsWith("POST /whep/cam")), "the rogue was asked");
        assertEquals(List.of(), bystanderSaw, "nothing reached the unregistered host");
    }

    /** Finding 4: a foreign origin gets no CORS answer from the admin API; WHIP/WHEP still answer browsers. */
    @Test
    @Order(4)
    void aForeignOriginPreflightToTheAdminApiIsRefused() throws Exception {
        for (String path : List.of("/api/nodes", "/api/token", "/api/cascade/cam", "/api/relay/agent-1/api/streams")) {
            HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(URI.create(cp.url + path)).timeout(TIMEOUT)
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://evil.example")
                    .header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "authorization,content-type").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(403, preflight.statusCode(), path + ": " + preflight.body());
            assertTrue(preflight.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), path);
        }
        HttpResponse<String> media = http.send(HttpRequest.newBuilder(URI.create(cp.url + "/whep/cam")).timeout(TIMEOUT)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "POST").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, media.statusCode(), media.body());
    }

    /** Finding 4: Micronaut's management endpoints other than /health and /metrics are closed, open agents included. */
    @Test
    @Order(5)
    void managementEndpointsAreClosed() throws Exception {
        try (AgentProcess open = AgentProcess.start("open-agent", dir, "")) {
            for (String base : List.of(cp.url, agent(0).url, open.url)) {
                for (String path : List.of("/beans", "/env", "/loggers", "/threaddump", "/routes", "/refresh", "/info",
                        "/caches", "/stop", "/health/liveness/../../beans")) {
                    for (String token : new String[] {null, ADMIN, agentToken("agent-1")}) {
                        int status = send("GET", base + path, token, null).statusCode();
                        assertTrue(status == 404 || status == 401 || status == 403, base + path + " -> " + status);
                    }
                }
            }
            assertEquals(200, send("GET", open.url + "/health", null, null).statusCode());
            JsonNode anonymous = JSON.readTree(send("GET", agent(0).url + "/health", null, null).body());
            assertTrue(anonymous.path("details").isMissingNode(), "no details without a token: " + anonymous);
            JsonNode viewer = JSON.readTree(send("GET", agent(0).url + "/health", legSubscribeToken, null).body());
            assertTrue(viewer.path("details").isMissingNode(), "no details for a viewer's token: " + viewer);
            JsonNode admin = JSON.readTree(send("GET", agent(0).url + "/health", agentToken("agent-1"), null).body());
            assertFalse(admin.path("details").isMissingNode(), "details with the agent's token: " + admin);
        }
    }

    /** Finding 5: the limit is taken before the bcrypt check, so 100 parallel wrong logins pass it at most 5 times. */
    @Test
    @Order(6)
    void aHundredParallelWrongLoginsPassTheLimitAtMostFiveTimes() throws Exception {
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> attempts = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            attempts.add(http.sendAsync(HttpRequest.newBuilder(URI.create(cp.url + "/api/login")).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"ops\",\"password\":\"guess-" + i + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString()));
        }
        int checked = 0;
        int limited = 0;
        for (var attempt : attempts) {
            int status = attempt.get().statusCode();
            checked += status == 401 ? 1 : 0;
            limited += status == 429 ? 1 : 0;
        }
        System.out.println("100 parallel wrong logins: " + checked + " reached the password check, " + limited + " got 429");
        assertTrue(checked <= 5, checked + " passed the limit");
        assertEquals(100, checked + limited);
    }

    /**
     * Finding 13: a viewer who learns the publisher's session id can neither end it nor trickle into it, through the
     * control plane (which forwards the caller's rights, not the agent's token) or on the agent; a publish token can.
     * Last: it ends the publisher.
     */
    @Test
    @Order(7)
    void aViewerCannotEndThePublishersSession() throws Exception {
        String path = publisherExchange.session().orElseThrow().getPath();
        String agentSession = path.substring(path.lastIndexOf('/') + 1);
        String viaControlPlane = cp.url + "/session/cam/agent-1." + agentSession;
        String viewer = minted("{\"id\":\"cam\",\"mode\":4}");

        HttpResponse<String> end = send("DELETE", viaControlPlane, viewer, null);
        assertEquals(403, end.statusCode(), end.body());
        assertEquals("forbidden", JSON.readTree(end.body()).get("error").asText(), end.body());
        HttpResponse<String> trickle = send("PATCH", viaControlPlane, viewer, "a=end-of-candidates\r\n",
                "application/trickle-ice-sdpfrag");
        assertEquals(403, trickle.statusCode(), trickle.body());
        HttpResponse<String> direct = send("DELETE", agent(0).url + "/session/cam/" + agentSession, legSubscribeToken, null);
        assertEquals(403, direct.statusCode(), direct.body());
        Thread.sleep(500);
        assertFalse(publisher.ended(), "the publisher is still up");
        assertTrue(carries("agent-1", "cam"));

        HttpResponse<String> owner = send("DELETE", viaControlPlane, minted("{\"id\":\"cam\",\"mode\":2}"), null);
        assertEquals(200, owner.statusCode(), owner.body());
        Waits.until(() -> !carries("agent-1", "cam"), TIMEOUT, "the publisher's own DELETE ended cam");
    }

    private String minted(String request) throws Exception {
        HttpResponse<String> minted = send("POST", cp.url + "/api/token", ADMIN, request);
        assertEquals(200, minted.statusCode(), minted.body());
        return JSON.readTree(minted.body()).get("token").asText();
    }

    private void rogueAnswer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.startsWith("/api/cascade/")) {
            answer(exchange, 201, "{}");
        } else if (path.startsWith("/whep/")) {
            exchange.getResponseHeaders().add("Location", bystanderUrl + "/whep/cam");
            answer(exchange, 307, ROGUE_BODY);
        } else {
            answer(exchange, 404, ROGUE_BODY);
        }
    }

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private static HttpServer listener(List<String> saw, Handler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            saw.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " | "
                    + exchange.getRequestHeaders().getFirst("Authorization") + " | " + body);
            handler.handle(exchange);
        });
        server.start();
        return server;
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private String rogueBeat(List<StreamSnapshot> streams) throws IOException {
        return JSON.writeValueAsString(new NodeHeartbeat(rogueUrl, "hq", new NodeCapacity(1000, 1000, null),
                new NodeLoad(0, 0, 0, 0), streams, "rogue-own-token", false, ROGUE_KEY));
    }

    private String enrolRogue() throws Exception {
        HttpResponse<String> enrolled = heartbeat("rogue", ControlPlaneProcess.CLUSTER_SECRET, rogueBeat(List.of()));
        assertEquals(201, enrolled.statusCode(), enrolled.body());
        return JSON.readTree(enrolled.body()).get("credential").asText();
    }

    private AgentProcess agent(int i) {
        return agents.get(i);
    }

    private HttpResponse<String> heartbeat(String alias, String secret, String body) throws Exception {
        return send("PUT", cp.url + "/api/nodes/" + alias + "/heartbeat", secret, body);
    }

    private HttpResponse<String> send(String method, String url, String token, String body) throws Exception {
        return send(method, url, token, body, "application/json");
    }

    private HttpResponse<String> send(String method, String url, String token, String body, String type) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", type);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private Optional<JsonNode> node(String alias) {
        try {
            for (JsonNode n : JSON.readTree(send("GET", cp.url + "/api/nodes", ADMIN, null).body())) {
                if (alias.equals(n.get("alias").asText())) {
                    return Optional.of(n);
                }
            }
        } catch (Exception e) {
            // not yet
        }
        return Optional.empty();
    }

    private boolean online(String alias) {
        return node(alias).map(n -> n.get("online").asBoolean()).orElse(false);
    }

    private boolean carries(String alias, String stream) {
        return node(alias).map(n -> {
            for (JsonNode s : n.get("streams")) {
                if (stream.equals(s.get("stream").asText())) {
                    return true;
                }
            }
            return false;
        }).orElse(false);
    }
}
