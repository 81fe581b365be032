package dev.castmesh.controlplane.streamview;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castmesh.api.cluster.AgentPaths;
import dev.castmesh.api.streams.StreamInfo;
import dev.castmesh.controlplane.node.NodeState;
import dev.castmesh.controlplane.signaling.AgentClient;
import dev.castmesh.controlplane.signaling.AgentResponse;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sessions of each agent's streams, asked on demand ({@code GET /api/streams} of the agent, with its token) and kept
 * {@link #TTL}: heartbeats carry per-stream counts only (bounded to 256 KB for 500 streams; a session list of up to
 * 500 viewers per node every 2 s would not fit, and would be written to the database whether or not anyone looks).
 * Asked on demand instead, the work follows the readers; the short cache makes the agents' load independent of how
 * many dashboards and SSE clients read: at most one call per agent per {@link #TTL} and control-plane instance, and
 * concurrent readers share a call in flight. The nodes are asked in parallel, at most {@link #WAIT} in all; an agent
 * that does not answer in time (or answers badly) is left out, so its streams are shown from its heartbeat.
 */
@Singleton
public class AgentStreamDetails {
    static final Duration TTL = Duration.ofSeconds(1);
    static final Duration WAIT = Duration.ofMillis(1500);
    private static final Duration FORGET_AFTER = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(AgentStreamDetails.class);

    private final AgentClient agents;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Map<String, Fetch> cache = new ConcurrentHashMap<>();
    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "stream-details-" + threads.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    AgentStreamDetails(AgentClient agents, ObjectMapper mapper, Clock clock) {
        this.agents = agents;
        this.mapper = mapper;
        this.clock = clock;
    }

    private record Fetch(Instant startedAt, String publicUrl, CompletableFuture<Map<String, StreamInfo>> streams) {
    }

    /** By alias, the streams by name of those online nodes that report streams and answered in time. */
    public Map<String, Map<String, StreamInfo>> of(List<NodeState> nodes) {
        Instant now = clock.instant();
        Map<String, CompletableFuture<Map<String, StreamInfo>>> pending = new LinkedHashMap<>();
        for (NodeState node : nodes) {
            if (!node.online() || node.streams().isEmpty() || node.publicUrl() == null) {
                continue;
            }
            Fetch fetch = cache.compute(node.alias(), (alias, old) -> old != null && fresh(old, now)
                    && Objects.equals(old.publicUrl(), node.publicUrl()) ? old
                    : new Fetch(now, node.publicUrl(), CompletableFuture.supplyAsync(() -> fetch(node), executor)));
            pending.put(node.alias(), fetch.streams());
        }
        cache.values().removeIf(fetch -> fetch.startedAt().plus(FORGET_AFTER).isBefore(now));
        long deadline = System.nanoTime() + WAIT.toNanos();
        Map<String, Map<String, StreamInfo>> result = new LinkedHashMap<>();
        pending.forEach((alias, streams) -> {
            try {
                result.put(alias, streams.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                LOG.debug("node {} did not list its sessions within {} ms", alias, WAIT.toMillis());
            } catch (ExecutionException e) {
                LOG.debug("node {} did not list its sessions: {}", alias, e.getCause().getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return result;
    }

    private static boolean fresh(Fetch fetch, Instant now) {
        return now.isBefore(fetch.startedAt().plus(TTL)) && !now.isBefore(fetch.startedAt());
    }

    private Map<String, StreamInfo> fetch(NodeState node) {
        AgentResponse answer = agents.send(node, "GET", AgentPaths.streams(), Map.of("Accept", "application/json"), null);
        if (!answer.ok()) {
            throw new IllegalStateException("agent answered " + answer.status());
        }
        try {
            Map<String, StreamInfo> streams = new LinkedHashMap<>();
            for (StreamInfo info : mapper.readValue(answer.body(), StreamInfo[].class)) {
                if (info != null && info.stream() != null) {
                    streams.put(info.stream(), info);
                }
            }
            return streams;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("agent's stream list is not JSON of streams");
        }
    }

    @PreDestroy
    void close() {
        executor.shutdownNow();
    }
}
