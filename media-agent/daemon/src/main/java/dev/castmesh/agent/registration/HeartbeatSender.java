package dev.castmesh.agent.registration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castmesh.agent.config.AgentConfig;
import dev.castmesh.agent.config.ClusterConfig;
import dev.castmesh.agent.cascade.CascadeOrigins;
import dev.castmesh.agent.identity.NodeIdentityStore;
import dev.castmesh.api.cluster.HeartbeatReply;
import dev.castmesh.server.http.BoundedExchange;
import dev.castmesh.agent.recording.RecordingManager;
import dev.castmesh.agent.streams.StreamReservations;
import dev.castmesh.api.cluster.AgentPaths;
import dev.castmesh.api.cluster.NodeCapacity;
import dev.castmesh.api.cluster.NodeHeartbeat;
import dev.castmesh.gst.hub.MediaEngine;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Sends {@code PUT /api/nodes/{alias}/heartbeat} to the control plane every {@code [cluster] heartbeat_interval},
 * from one scheduler thread, starting when the HTTP server is up. Failures are retried at the interval with jitter
 * ({@link HeartbeatTracker}), each attempt bounded by {@link ClusterConfig#heartbeatTimeout()}, and never affect the
 * agent's own API. Logs one line per change of state; never logs a secret, credential or token.
 *
 * <p>Identity: the agent sends the credential its enrolment answered ({@link NodeIdentityStore}) when it has one for
 * this control plane and alias, else {@code [cluster] secret}. A 201 answer is an enrolment: its credential is kept
 * and used from then on. A 401 to the credential is retried at once with the configured secret (after an admin deleted
 * the node, the cluster secret enrols it again). Every answer's {@code cascadeOrigins} go to {@link CascadeOrigins}.
 */
@Singleton
@Requires(beans = ClusterConfig.class)
public final class HeartbeatSender implements ApplicationEventListener<ServerStartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(HeartbeatSender.class);
    private static final int MAX_ERROR_BODY = 200;
    /** Largest heartbeat answer read: the origins of a large cluster fit many times over. */
    private static final int MAX_REPLY_BYTES = 1024 * 1024;

    private final ClusterConfig cluster;
    private final AgentConfig config;
    private final MediaEngine engine;
    private final RecordingManager recordings;
    private final StreamReservations reservations;
    private final NodeIdentityStore identity;
    private final CascadeOrigins origins;
    private final ObjectMapper json = new ObjectMapper();
    private final HeartbeatTracker tracker;
    private final URI endpoint;
    private final Duration timeout;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "castmesh-heartbeat");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http;
    private volatile HeartbeatStatus status;
    private volatile String publicUrl;

    HeartbeatSender(AgentConfig config, ClusterConfig cluster, MediaEngine engine, RecordingManager recordings, NodeIdentityStore identity,
                    CascadeOrigins origins, StreamReservations reservations) {
        this.identity = identity;
        this.reservations = reservations;
        this.origins = origins;
        this.recordings = recordings;
        this.config = config;
        this.cluster = cluster;
        this.engine = engine;
        Duration interval = cluster.heartbeatInterval();
        this.tracker = new HeartbeatTracker(Clock.systemUTC(), interval, () -> ThreadLocalRandom.current().nextDouble());
        this.endpoint = URI.create(cluster.controlPlane() + AgentPaths.heartbeat(cluster.alias()));
        this.timeout = cluster.heartbeatTimeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.status = tracker.status(cluster.alias(), cluster.controlPlane());
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        publicUrl = publicUrl(event.getSource());
        LOG.info("cluster: node '{}' sends heartbeats to {} every {} ms (public URL {})", cluster.alias(),
                cluster.controlPlane(), cluster.heartbeatInterval().toMillis(), publicUrl);
        scheduler.execute(this::beat);
    }

    /** The sender's state now (for {@code /health}). */
    public HeartbeatStatus status() {
        return status;
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }

    private void beat() {
        Duration next;
        try {
            next = sendOnce();
        } catch (RuntimeException e) {
            // A bug or the engine closing under us: keep the thread alive and try again later.
            next = fail(HeartbeatTracker.State.REJECTED, "heartbeat failed: " + e);
        }
        status = tracker.status(cluster.alias(), cluster.controlPlane());
        if (!scheduler.isShutdown()) {
            try {
                scheduler.schedule(this::beat, next.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException ignored) {
                // shutting down
            }
        }
    }

    private Duration sendOnce() {
        byte[] body;
        try {
            body = json.writeValueAsBytes(payload());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the heartbeat", e);
        }
        String credential = identity.identity().credentialFor(cluster.controlPlane(), cluster.alias());
        HttpResponse<byte[]> response;
        try {
            response = send(body, credential != null ? credential : cluster.secret());
            if (response.statusCode() == 401 && credential != null && !credential.equals(cluster.secret())) {
                response = send(body, cluster.secret());
            }
        } catch (IOException e) {
            return fail(HeartbeatTracker.State.UNREACHABLE, describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Duration.ZERO;
        }
        int code = response.statusCode();
        if (code / 100 == 2) {
            HeartbeatReply reply = reply(response.body());
            if (code == 201 && reply.credential() != null) {
                identity.enrolled(cluster.controlPlane(), cluster.alias(), reply.credential());
            }
            origins.update(reply.cascadeOrigins());
            int failures = tracker.failures();
            boolean first = status.lastSuccess() == null;
            HeartbeatTracker.Decision decision = tracker.success();
            if (decision.changed()) {
                if (first) {
                    LOG.info("cluster: registered with {} as '{}'{}", cluster.controlPlane(), cluster.alias(),
                            failures == 0 ? "" : " (after " + failures + " failed attempts)");
                } else {
                    LOG.info("cluster: control plane {} accepts heartbeats of '{}' again (after {} failed)",
                            cluster.controlPlane(), cluster.alias(), failures);
                }
            }
            return decision.delay();
        }
        if (code == 401) {
            return fail(HeartbeatTracker.State.UNAUTHORIZED, "401 Unauthorized");
        }
        return fail(HeartbeatTracker.State.REJECTED, code + " " + truncate(new String(response.body(), StandardCharsets.UTF_8)));
    }

    private HttpResponse<byte[]> send(byte[] body, String secret) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + secret)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return BoundedExchange.send(http, request, MAX_REPLY_BYTES, timeout);
    }

    /** A 2xx answer's body; an empty or unreadable one (an older control plane's 204) is an empty reply. */
    private HeartbeatReply reply(byte[] body) {
        if (body.length == 0) {
            return new HeartbeatReply(null, null);
        }
        try {
            return json.readValue(body, HeartbeatReply.class);
        } catch (IOException e) {
            return new HeartbeatReply(null, null);
        }
    }

    private Duration fail(HeartbeatTracker.State kind, String error) {
        HeartbeatTracker.Decision decision = tracker.failure(kind, error);
        long seconds = Math.max(1, Math.round(decision.delay().toMillis() / 1000.0));
        if (kind == HeartbeatTracker.State.UNAUTHORIZED) {
            if (decision.changed()) {
                LOG.error("cluster: control plane {} refused node '{}' (401): an enrolled alias needs its credential"
                        + " from {} (an admin's DELETE /api/nodes/{} lets the cluster secret enrol it again), or check"
                        + " [cluster] secret and alias; retrying every {} s", cluster.controlPlane(), cluster.alias(),
                        cluster.identityFile(), cluster.alias(), seconds);
            }
        } else if (decision.changed()) {
            LOG.warn("cluster: control plane {} {} ({}); the agent keeps serving and retries every {} ms",
                    cluster.controlPlane(), kind == HeartbeatTracker.State.UNREACHABLE ? "unreachable" : "rejected the heartbeat",
                    error, cluster.heartbeatInterval().toMillis());
        }
        return decision.delay();
    }

    private NodeHeartbeat payload() {
        NodeCapacity capacity = new NodeCapacity(config.strategy().maxViewers(), config.strategy().eachStreamMaxSub(),
                config.strategy().maxStreams());
        String token = config.auth().tokens().isEmpty() ? null : config.auth().tokens().get(0);
        // Also when open: the control plane then lets the cluster secret enrol this node again should an enrolment
        // answer be lost (only this agent and the registry know the key).
        String grantKey = identity.identity().grantKey();
        return HeartbeatPayload.of(publicUrl, cluster.region(), capacity, engine.streams(), ProcessCpu.ratio(), token,
                cluster.autopush(), recordings::recording, reservations.all().keySet(), grantKey);
    }

    private String publicUrl(EmbeddedServer server) {
        String configured = config.http().publicUrl();
        if (configured != null && !configured.isBlank()) {
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        String host = config.http().host();
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]") || host.isEmpty()) {
            host = "127.0.0.1";
            LOG.warn("cluster: [http] public is not set; telling the control plane http://{}:{} (set it when the "
                    + "control plane runs on another host)", host, server.getPort());
        }
        return "http://" + host + ":" + server.getPort();
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    private static String truncate(String body) {
        String oneLine = body == null ? "" : body.replaceAll("\\s+", " ").trim();
        return oneLine.length() > MAX_ERROR_BODY ? oneLine.substring(0, MAX_ERROR_BODY) + "…" : oneLine;
    }
}
