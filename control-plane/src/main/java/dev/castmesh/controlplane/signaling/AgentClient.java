package dev.castmesh.controlplane.signaling;

import dev.castmesh.controlplane.node.ClusterConfig;
import dev.castmesh.controlplane.node.NodeState;
import dev.castmesh.server.http.BoundedExchange;
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
 * gives up after 2 s ({@link AgentUnreachableException}, 502). {@code [cluster] agent_timeout} bounds the whole
 * exchange, body included: an agent that sends its headers and then trickles its body is cut off at the deadline
 * (the exchange is cancelled, its connection closed) and the caller gets 504 {@code agent_timeout}. Answers are
 * read up to {@link #MAX_REPLY_BYTES}; a bigger one is dropped as it arrives, 502 {@code agent_reply_too_large}.
 * HTTP/1.1 with keep-alive (agents are Netty servers; no h2c upgrade dance).
 */
@Singleton
public class AgentClient {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** The largest agent answer read (SDP answers and stream listings are kilobytes). */
    public static final long MAX_REPLY_BYTES = 1 << 20;
    public static final String AUTHORIZATION = "Authorization";
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
     * @param headers      request headers to send (Content-Type, If-Match, Accept…); an Authorization among them (a
     *                     token scoped to the caller, {@link dev.castmesh.controlplane.auth.LegTokens#onBehalf})
     *                     replaces the agent's own token
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
        if (node.agentToken() != null && !headers.containsKey(AUTHORIZATION)) {
            request.header(AUTHORIZATION, "Bearer " + node.agentToken());
        }
        try {
            HttpResponse<byte[]> response = BoundedExchange.send(http, request.build(), (int) MAX_REPLY_BYTES, timeout);
            return new AgentResponse(response.statusCode(), response.headers(), response.body());
        } catch (HttpTimeoutException e) {
            throw AgentUnreachableException.timeout(node.alias(), timeout);
        } catch (IOException e) {
            if (e instanceof BoundedExchange.BodyTooLargeException
                    || e.getCause() instanceof BoundedExchange.BodyTooLargeException) {
                throw AgentUnreachableException.tooLarge(node.alias(), MAX_REPLY_BYTES);
            }
            if (e.getCause() instanceof HttpTimeoutException) {
                throw AgentUnreachableException.timeout(node.alias(), timeout);
            }
            throw new AgentUnreachableException(node.alias(),
                    e instanceof java.net.ConnectException || e.getCause() instanceof java.net.ConnectException
                            ? "connection refused" : "connection failed");
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
