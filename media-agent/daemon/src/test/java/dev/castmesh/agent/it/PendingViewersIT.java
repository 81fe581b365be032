package dev.castmesh.agent.it;

import dev.castmesh.gst.client.HttpSdpExchange;
import dev.castmesh.gst.client.VideoCodec;
import dev.castmesh.gst.client.WhepClient;
import dev.castmesh.gst.client.WhepOptions;
import dev.castmesh.gst.client.WhipClient;
import dev.castmesh.gst.hub.MediaEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10, "300 parallel never-connecting WHEPs do not lock out a real viewer", on a real agent and real GStreamer: a
 * stream with 50 seats; 300 viewer offers posted at once from one address (127.0.0.2) that never connect (no candidates,
 * nobody answers ICE) hold at most {@code [strategy] max_pending_per_client} places, the rest get 429
 * {@code too_many_pending}; a real viewer from another address (127.0.0.1) plays; and the never-connected ones are
 * ended within 10 s ({@code pending_timeout} 9 s).
 */
class PendingViewersIT {
    private static final int ATTACKS = 300;
    private static final String ATTACKER = "127.0.0.2";
    private static final String AGENT_TOKEN = "pending-it-agent-token-0123456789";

    /** A recvonly VP8 viewer offer that can never connect: no candidates, and nobody behind its ICE credentials. */
    static String neverConnectingOffer() {
        return "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0\r\n"
                + "m=video 9 UDP/TLS/RTP/SAVPF 96\r\nc=IN IP4 0.0.0.0\r\na=mid:0\r\na=recvonly\r\na=rtcp-mux\r\n"
                + "a=ice-ufrag:abcd\r\na=ice-pwd:abcdefghijklmnopqrstuvwx\r\n"
                + "a=fingerprint:sha-256 00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99"
                + ":AA:BB:CC:DD:EE:FF\r\na=setup:actpass\r\na=rtpmap:96 VP8/90000\r\n";
    }

    /** POST over a socket bound to {@code from} (the JDK's HttpClient cannot choose its source address); the status. */
    static int post(String from, int port, String path, String body) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/sdp\r\n"
                    + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }

    /** Posts {@link #ATTACKS} never-connecting offers at once from {@link #ATTACKER}; at most the budget gets in. */
    private static void attack(int port) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(ATTACKS);
        long start = System.nanoTime();
        Map<Integer, Integer> statuses = new TreeMap<>();
        try {
            List<Future<Integer>> attacks = new ArrayList<>();
            for (int i = 0; i < ATTACKS; i++) {
                attacks.add(pool.submit(() -> post(ATTACKER, port, "/whep/cam", neverConnectingOffer())));
            }
            for (Future<Integer> attack : attacks) {
                statuses.merge(attack.get(), 1, Integer::sum);
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.println(ATTACKS + " never-connecting WHEPs from " + ATTACKER + " to port " + port + " answered in "
                + (System.nanoTime() - start) / 1_000_000 + " ms: " + statuses);
        assertTrue(statuses.getOrDefault(201, 0) <= 16, "at most the budget got in: " + statuses);
        assertEquals(ATTACKS, statuses.getOrDefault(201, 0) + statuses.getOrDefault(429, 0), statuses.toString());
    }

    @Test
    void threeHundredNeverConnectingViewersDoNotLockOutARealOne() throws Exception {
        try (TestAgent agent = TestAgent.start("[strategy]\neach_stream_max_sub = 50\n");
             WhipClient publisher = agent.publish("cam")) {
            MediaEngine engine = agent.context.getBean(MediaEngine.class);
            long start = System.nanoTime();
            attack(URI.create(agent.url).getPort());

            try (WhepClient viewer = agent.play("cam")) {
                long frames = Waits.framesDuring(viewer, Duration.ofSeconds(2));
                System.out.println("the real viewer decoded " + frames + " frames in 2 s");
                assertTrue(frames >= 15, "frames decoded in 2 s: " + frames);

                Waits.until(() -> engine.stream("cam").orElseThrow().viewers().size() == 1, Duration.ofSeconds(12),
                        "the never-connected viewers ended");
                long endedMs = (System.nanoTime() - start) / 1_000_000;
                System.out.println("never-connected viewers all ended " + endedMs + " ms after the attack began");
                assertTrue(endedMs <= 11_000, "ended after " + endedMs + " ms");
                assertTrue(Waits.framesDuring(viewer, Duration.ofSeconds(1)) >= 8, "the real viewer still plays");
            }
        }
    }

    /**
     * The same through a real control plane (its own JVM): the agent sees only the control plane's address, and the
     * budget is still the client's, because the control plane names it (X-Forwarded-For, trusted from its token).
     */
    @Test
    void throughTheControlPlaneTheBudgetIsStillTheClients(@TempDir Path dir) throws Exception {
        int cpPort = ControlPlaneProcess.freePort();
        try (ControlPlaneProcess cp = ControlPlaneProcess.start(cpPort, dir);
             TestAgent agent = TestAgent.start("[auth]\ntokens = [\"" + AGENT_TOKEN + "\"]\n"
                     + "[strategy]\neach_stream_max_sub = 50\n"
                     + ControlPlaneProcess.agentCluster(cpPort, "pending-1", ControlPlaneProcess.CLUSTER_SECRET)
                     + "identity_file = \"" + dir.resolve("identity.json") + "\"\n");
             WhipClient publisher = agent.publish("cam", VideoCodec.VP8, Optional.of(AGENT_TOKEN))) {
            HttpClient http = HttpClient.newHttpClient();
            Waits.until(() -> {
                try {
                    return http.send(HttpRequest.newBuilder(URI.create(cp.url + "/api/nodes")).build(),
                            HttpResponse.BodyHandlers.ofString()).body().contains("\"stream\":\"cam\"");
                } catch (Exception e) {
                    return false;
                }
            }, Duration.ofSeconds(30), "the control plane knows cam");
            attack(cpPort);
            try (WhepClient viewer = WhepClient.start(new HttpSdpExchange(URI.create(cp.url + "/whep/cam"), Optional.empty(),
                    TestAgent.TIMEOUT), WhepOptions.decode())) {
                assertTrue(viewer.awaitConnected(TestAgent.TIMEOUT), "the real viewer, through the control plane");
                long frames = Waits.framesDuring(viewer, Duration.ofSeconds(2));
                System.out.println("the real viewer through the control plane decoded " + frames + " frames in 2 s");
                assertTrue(frames >= 15, "frames decoded in 2 s: " + frames);
            }
        }
    }
}
