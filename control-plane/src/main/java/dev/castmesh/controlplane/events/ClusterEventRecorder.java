package dev.castmesh.controlplane.events;

import dev.castmesh.controlplane.node.NodeRegistry;
import dev.castmesh.controlplane.node.NodeState;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Every second, compares the node registry with its state a second before ({@link RegistryDiff}) and appends what
 * changed to the {@link EventLog}. The first look after start is the baseline: it records nothing. One thread (the
 * scheduler's fixed delay) owns {@link #previous}. A failed write keeps the old baseline, so the next tick records
 * the same changes again instead of losing them.
 *
 * <p>Each control-plane instance records what it sees: several instances on one database record each change once
 * per instance (a leader or a dedup key is the next step).
 */
@Singleton
class ClusterEventRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterEventRecorder.class);

    private final NodeRegistry registry;
    private final EventLog log;
    private List<NodeState> previous;

    ClusterEventRecorder(NodeRegistry registry, EventLog log) {
        this.registry = registry;
        this.log = log;
    }

    @Scheduled(fixedDelay = "1s", initialDelay = "1s")
    void tick() {
        try {
            List<NodeState> now = registry.all();
            if (previous != null) {
                List<EventDraft> events = RegistryDiff.between(previous, now);
                if (!events.isEmpty()) {
                    log.append(events);
                    LOG.debug("recorded {} cluster events", events.size());
                }
            }
            previous = now;
        } catch (RuntimeException e) {
            LOG.warn("cluster events not recorded this time: {}", e.getMessage());
        }
    }
}
