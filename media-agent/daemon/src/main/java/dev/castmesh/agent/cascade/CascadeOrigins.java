package dev.castmesh.agent.cascade;

import dev.castmesh.api.http.ErrorCode;
import dev.castmesh.agent.config.AgentConfig;
import dev.castmesh.agent.config.ClusterConfig;
import dev.castmesh.agent.http.ApiException;
import dev.castmesh.api.cluster.Origin;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where {@code POST /api/cascade} may pull from or push to: the origins the control plane listed in its last
 * heartbeat reply (every registered node, the external sources of its pull rules) and {@code [cascade] allow}.
 * Anything else is refused with 403 before the agent opens a connection, so the cascade API is no port scanner.
 * An origin not listed yet waits for the next heartbeat reply (up to {@link #WAIT_BEATS} intervals): a node the
 * control plane has just registered is known there before this agent's next beat.
 */
@Singleton
public final class CascadeOrigins {
    static final double WAIT_BEATS = 2.5;

    private final AgentConfig config;
    private final Duration wait;
    private final Object changed = new Object();
    private volatile Set<String> fromControlPlane = Set.of();

    CascadeOrigins(AgentConfig config) {
        this.config = config;
        this.wait = Optional.ofNullable(config.cluster()).map(ClusterConfig::heartbeatInterval)
                .map(interval -> Duration.ofMillis(Math.round(interval.toMillis() * WAIT_BEATS))).orElse(Duration.ZERO);
    }

    /** The origins of the control plane's last heartbeat reply. */
    public void update(List<String> origins) {
        Set<String> next = Set.copyOf(origins);
        synchronized (changed) {
            fromControlPlane = next;
            changed.notifyAll();
        }
    }

    /** @throws ApiException 403 {@code cascade_not_allowed} naming the field and the origin, never its answer */
    void require(URI url, String field) {
        String origin = Origin.of(url).orElseThrow(() -> ApiException.badRequest(field + " must be an http(s) URL"));
        if (allowed(origin) || awaitAllowed(origin)) {
            return;
        }
        throw new ApiException(HttpStatus.FORBIDDEN, ErrorCode.CASCADE_NOT_ALLOWED, field + " " + origin
                + " is neither a node of the cluster nor listed in [cascade] allow");
    }

    private boolean allowed(String origin) {
        return fromControlPlane.contains(origin) || config.cascade().allows(origin);
    }

    private boolean awaitAllowed(String origin) {
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (changed) {
            while (!allowed(origin)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    changed.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }
}
