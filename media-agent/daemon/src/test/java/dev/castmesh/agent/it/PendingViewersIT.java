package dev.castmesh.agent.it;

import dev.castmesh.gst.client.WhepClient;
import dev.castmesh.gst.client.WhipClient;
import dev.castmesh.gst.hub.MediaEngine;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    @Test
    void threeHundredNeverConnectingViewersDoNotLockOutARealOne() throws Exception {
        try (TestAgent agent = TestAgent.start("[strategy]\neach_stream_max_sub = 50\n");
             WhipClient publisher = agent.publish("cam")) {
            int port = URI.create(agent.url).getPort();
            MediaEngine engine = agent.context.getBean(MediaEngine.class);
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
            long answeredMs = (System.nanoTime() - start) / 1_000_000;
            System.out.println(ATTACKS + " never-connecting WHEPs from " + ATTACKER + " answered in " + answeredMs
                    + " ms: " + statuses);
            assertTrue(statuses.getOrDefault(201, 0) <= 16, "at most the budget got in: " + statuses);
            assertEquals(ATTACKS, statuses.getOrDefault(201, 0) + statuses.getOrDefault(429, 0), statuses.toString());

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
}
