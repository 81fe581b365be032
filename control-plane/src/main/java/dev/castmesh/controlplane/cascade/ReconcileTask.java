package dev.castmesh.controlplane.cascade;

import dev.castmesh.controlplane.http.ApiException;
import dev.castmesh.controlplane.node.ClusterConfig;
import dev.castmesh.controlplane.node.NodeRegistry;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Every {@code [cascade] reconcile_interval} (from server start; 0 = never), reads the registry, asks the
 * {@link CascadeReconciler} and carries out its actions one after the other: autopush through the source agent's
 * push, re-attach through a pull on the copy's agent. The same action is not repeated for {@code [cluster]
 * offline_after} (three heartbeats: time for its effect to show in them); a failed one is retried after that and
 * logged once per try.
 * Every control-plane instance runs this on the shared registry: they decide alike and the agents take a repeated
 * push (the target refuses a second publisher) or pull (re-attach) without harm.
 */
@Singleton
public class ReconcileTask implements ApplicationEventListener<ServerStartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(ReconcileTask.class);

    private final NodeRegistry registry;
    private final AgentCascades agents;
    private final CascadeConfig config;
    private final CascadeReconciler reconciler;
    private final Clock clock;
    private final Map<String, Instant> holdOff = new ConcurrentHashMap<>();
    private final Duration holdOffFor;
    private ScheduledExecutorService scheduler;

    ReconcileTask(NodeRegistry registry, AgentCascades agents, CascadeConfig config, ClusterConfig cluster, Clock clock) {
        this.registry = registry;
        this.agents = agents;
        this.config = config;
        this.clock = clock;
        this.holdOffFor = cluster.offlineAfter();
        this.reconciler = new CascadeReconciler(cluster.region(), stream -> config.pullSource(stream)
                .filter(PullSource.InCluster.class::isInstance).map(source -> ((PullSource.InCluster) source).stream()));
    }

    @Override
    public synchronized void onApplicationEvent(ServerStartupEvent event) {
        if (config.reconcileInterval().isZero() || scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "cascade-reconciler");
            thread.setDaemon(true);
            return thread;
        });
        long millis = config.reconcileInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::runSafely, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void runSafely() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.atWarn().addKeyValue("error", e.toString()).log("cascade reconciliation failed: {}", e.toString());
        }
    }

    /** One round; @return the keys of the actions it carried out successfully (tests). */
    public List<String> runOnce() {
        Instant now = clock.instant();
        holdOff.values().removeIf(end -> !end.isAfter(now));
        List<String> done = new ArrayList<>();
        for (CascadeAction action : reconciler.plan(registry.all())) {
            if (holdOff.putIfAbsent(action.key(), now.plus(holdOffFor)) != null) {
                continue;
            }
            try {
                carryOut(action);
                done.add(action.key());
                LOG.atInfo().addKeyValue("action", action.key()).log("cascade reconciled: {}", action.key());
            } catch (ApiException e) {
                LOG.atWarn().addKeyValue("action", action.key()).addKeyValue("error", e.code())
                        .log("cascade reconciliation step failed: {}", e.getMessage());
            }
        }
        return done;
    }

    private void carryOut(CascadeAction action) {
        if (action instanceof CascadeAction.Push push) {
            agents.push(push.source(), push.stream(), push.target());
        } else if (action instanceof CascadeAction.Reattach reattach) {
            agents.pull(reattach.copy(), reattach.stream(), reattach.source(), reattach.sourceStream());
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
