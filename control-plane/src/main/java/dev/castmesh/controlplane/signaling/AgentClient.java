package dev.castmesh.controlplane.signaling;

import dev.castmesh.controlplane.node.ClusterConfig;
import dev.castmesh.controlplane.node.NodeState;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Calls an agent's API with the agent's own bearer token (from its heartbeat), never the client's. Connecting
 * gives up after 2 s, an answer after {@code [cluster] agent_timeout}; both become {@link AgentUnreachableException}.
 * HTTP/1.1 with keep-alive (agents are Netty servers; no h2c upgrade dance).
 */
@Singleton
public class AgentClient {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "agent-client");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).executor(executor).build();
    private final Duration timeout;

    AgentClient(ClusterConfig config) {
        this.timeout = config.agentTimeout();
    }

    /**
     * @param pathAndQuery raw, already encoded, starting with '/'
     * @param headers      request headers to send (Content-Type, If-Match, Accept…); no Authorization
     * @param body         null for none
     */
    public AgentResponse send(NodeState node, String method, String pathAndQuery, Map<String, String> headers, byte[] body) {
        if (node.publicUrl() == null) {
            throw new AgentUnreachableException(node.alias(), "it has not sent its URL yet");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.publicUrl() + pathAndQuery))
                .timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        if (node.agentToken() != null) {
            request.header("Authorization", "Bearer " + node.agentToken());
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new AgentResponse(response.statusCode(), response.headers(), response.body());
        } catch (HttpTimeoutException e) {
            throw new AgentUnreachableException(node.alias(), "timed out", true);
        } catch (IOException e) {
            throw new AgentUnreachableException(node.alias(),
                    e instanceof java.net.ConnectException ? "connection refused" : "connection failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AgentUnreachableException(node.alias(), "interrupted");
        }
    }

    @PreDestroy
    void close() {
        executor.shutdownNow();
    }
}
