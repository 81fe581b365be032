package dev.castmesh.controlplane.bench;

import dev.castmesh.controlplane.node.NodeRegistry;
import dev.castmesh.controlplane.testing.Beats;
import dev.castmesh.controlplane.testing.PostgresServer;
import dev.castmesh.controlplane.testing.TestControlPlane;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code ./castmesh bench heartbeats}: heartbeats per second one control plane sustains on PostgreSQL (embedded, or
 * env {@code TEST_DATABASE_URL}). {@code CLIENTS} keep-alive HTTP/1.1 connections send {@code REQUESTS} heartbeats of
 * {@code NODES} nodes created through the registry (each with 2 streams in its snapshot, authenticated with its own
 * secret), as fast as the control plane answers; every answer must be 200 (with the cascade origins). Two warm-up runs, then {@code RUNS} measured runs; the
 * median is printed. The load generator is a minimal raw-socket client so that it takes little of the machine's CPU.
 *
 * <p>Arguments: {@code [clients=32] [requests=40000] [runs=3] [nodes=1000]}.
 */
public final class HeartbeatBench {
    private HeartbeatBench() {
    }

    public static void main(String[] args) throws Exception {
        int clients = arg(args, 0, 32);
        int requests = arg(args, 1, 40_000);
        int runs = arg(args, 2, 3);
        int nodes = arg(args, 3, 1000);
        PostgresServer postgres = PostgresServer.get();
        try (TestControlPlane app = TestControlPlane.start(TestControlPlane.config(postgres.createDatabase(), 16,
                Duration.ofSeconds(30)))) {
            String host = app.url().getHost();
            int port = app.url().getPort();
            byte[][] bodies = new byte[nodes][];
            NodeRegistry registry = app.bean(NodeRegistry.class);
            for (int i = 0; i < nodes; i++) {
                registry.create("node-" + i, "bench-node-secret-" + i, null);
                String json = Beats.json("http://10.0." + (i / 250) + "." + (i % 250) + ":7777", "region-" + (i % 3),
                        "[{\"stream\":\"cam-" + i + "\",\"publisher\":true,\"cascadeFrom\":null,\"viewers\":12,"
                                + "\"bitrateInBps\":1500000,\"bitrateOutBps\":18000000},"
                                + "{\"stream\":\"talk-" + i + "\",\"publisher\":false,\"cascadeFrom\":\"node-0\",\"viewers\":3,"
                                + "\"bitrateInBps\":64000,\"bitrateOutBps\":192000}]", "agent-token-" + i);
                byte[] body = json.getBytes(StandardCharsets.UTF_8);
                String head = "PUT /api/nodes/node-" + i + "/heartbeat HTTP/1.1\r\nHost: " + host + "\r\n"
                        + "Authorization: Bearer bench-node-secret-" + i + "\r\n"
                        + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
                byte[] request = Arrays.copyOf(head.getBytes(StandardCharsets.US_ASCII), head.length() + body.length);
                System.arraycopy(body, 0, request, head.length(), body.length);
                bodies[i] = request;
            }
            System.out.printf("heartbeat bench: %d clients, %d requests per run, %d nodes, PostgreSQL %s, %d cores%n",
                    clients, requests, nodes, postgres.embedded() ? "embedded (zonky 14)" : "from TEST_DATABASE_URL",
                    Runtime.getRuntime().availableProcessors());
            run(host, port, clients, nodes, bodies, 1); // first heartbeat of every node
            for (int w = 1; w <= 2; w++) { // the JIT needs about 50,000 requests to settle
                System.out.printf("warm-up %d/2: %.0f heartbeats/s%n", w, run(host, port, clients, requests, bodies, 0));
            }
            double[] rates = new double[runs];
            for (int r = 0; r < runs; r++) {
                rates[r] = run(host, port, clients, requests, bodies, 0);
                System.out.printf("run %d/%d: %.0f heartbeats/s%n", r + 1, runs, rates[r]);
            }
            double[] sorted = rates.clone();
            Arrays.sort(sorted);
            System.out.printf("RESULT heartbeats/s median %.0f of %d runs %s%n", sorted[runs / 2], runs, Arrays.toString(
                    Arrays.stream(rates).mapToLong(Math::round).toArray()));
        }
        System.exit(0);
    }

    /** @return heartbeats per second */
    private static double run(String host, int port, int clients, int requests, byte[][] bodies, int unused) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<Integer>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            results.add(pool.submit(() -> {
                int done = 0;
                try (Socket socket = new Socket(host, port)) {
                    socket.setTcpNoDelay(true);
                    OutputStream out = socket.getOutputStream();
                    InputStream in = new BufferedInputStream(socket.getInputStream(), 8192);
                    int n;
                    while ((n = next.getAndIncrement()) < requests) {
                        out.write(bodies[n % bodies.length]);
                        int status = readResponse(in);
                        if (status != 200) {
                            throw new IllegalStateException("heartbeat answered " + status);
                        }
                        done++;
                    }
                }
                return done;
            }));
        }
        int total = 0;
        for (Future<Integer> result : results) {
            total += result.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return total / seconds;
    }

    /** Reads one HTTP/1.1 response (status line, headers, Content-Length body) and answers its status. */
    private static int readResponse(InputStream in) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.substring(9, 12));
        int length = 0;
        String header;
        while (!(header = line(in)).isEmpty()) {
            if (header.regionMatches(true, 0, "content-length:", 0, 15)) {
                length = Integer.parseInt(header.substring(15).trim());
            }
        }
        in.readNBytes(length);
        return status;
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static int arg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }
}
