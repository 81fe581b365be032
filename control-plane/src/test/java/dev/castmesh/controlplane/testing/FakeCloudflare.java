package dev.castmesh.controlplane.testing;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A local stand-in for Cloudflare Realtime's TURN API (an outside service tests cannot reach), speaking its
 * documented wire format: {@code POST /v1/turn/keys/{key_id}/credentials/generate-ice-servers} answered 201 with
 * {@link #ANSWER}. Records each request as {@code "METHOD uri | authorization | content-type | body"}; {@link #status},
 * {@link #body} and {@link #delayMillis} (how long it takes to answer) can be changed between calls.
 */
public final class FakeCloudflare implements AutoCloseable {
    /** The documented answer (developers.cloudflare.com/realtime/turn/generate-credentials), 201 Created. */
    public static final String ANSWER = """
            {"iceServers":[{"urls":["stun:stun.cloudflare.com:3478","stun:stun.cloudflare.com:53"]},
            {"urls":["turn:turn.cloudflare.com:3478?transport=udp","turn:turn.cloudflare.com:3478?transport=tcp",
            "turns:turn.cloudflare.com:5349?transport=tcp"],"username":"bc91b63e2b5d759f8eb9f3b58062439e0a0e15893d76317d833265ad08d6631099ce7c7087caabb31ad3e1c386424e3e",
            "credential":"ebd71f1d3edbc2b0edae3cd5a6d82284aeb5c3b8fdaa9b8e3bf9cec683e0d45fe9f5b44e5145db3300f06c250a15b4a0"}]}""";

    public final List<String> requests = new CopyOnWriteArrayList<>();
    public final AtomicInteger status = new AtomicInteger(201);
    public final AtomicReference<String> body = new AtomicReference<>(ANSWER);
    public final AtomicLong delayMillis = new AtomicLong();
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private boolean closed;

    public FakeCloudflare() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " | "
                    + exchange.getRequestHeaders().getFirst("Authorization") + " | "
                    + exchange.getRequestHeaders().getFirst("Content-Type") + " | "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            try {
                Thread.sleep(delayMillis.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] answer = body.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status.get(), answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    /** The {@code api_base} to configure: {@code http://127.0.0.1:{port}/v1}. */
    public String apiBase() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Idempotent: a test may close it early to make Cloudflare unreachable. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            server.stop(0);
            threads.shutdownNow();
        }
    }
}
