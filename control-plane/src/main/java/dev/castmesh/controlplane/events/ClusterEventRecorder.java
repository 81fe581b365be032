package dev.castmesh.controlplane.events;

import dev.castmesh.api.streams.StreamInfo;
import dev.castmesh.controlplane.node.NodeRegistry;
import dev.castmesh.controlplane.node.NodeState;
import dev.castmesh.controlplane.streamview.AgentStreamDetails;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every second, compares what the cluster looks like with a second before and appends what changed to the
 * {@link EventLog}: the node registry ({@link RegistryDiff}: nodes, publishes, copies, recordings) and the stream lists
 * of the agents that report streams ({@link SessionDiff}: sessions, segments; asked through {@link AgentStreamDetails},
 * so the views reading at the same time share the call). The first look after start is the baseline: it records
 * nothing. One thread (the scheduler's fixed delay) owns the baselines. A failed write keeps the old ones, so the next
 * tick records the same changes again instead of losing them.
 *
 * <p>Within a tick: sessions that left, then the registry's events, then sessions that joined and segments, so a
 * viewer leaves before its stream ends and a publisher's session joins after its stream is published.
 *
 * <p>Each control-plane instance records what it sees: several instances on one database record each change once
 * per instance (a leader or a dedup key is the next step).
 */
@Singleton
class ClusterEventRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterEventRecorder.class);

    private final NodeRegistry registry;
    private final AgentStreamDetails details;
    private final EventLog log;
    private List<NodeState> previous;
    private SessionBaseline sessions = SessionBaseline.EMPTY;

    ClusterEventRecorder(NodeRegistry registry, AgentStreamDetails details, EventLog log) {
        this.registry = registry;
        this.details = details;
        this.log = log;
    }

    @Scheduled(fixedDelay = "1s", initialDelay = "1s")
    void tick() {
        try {
            List<NodeState> now = registry.all();
            Map<String, Map<String, StreamInfo>> answered = details.of(now);
            SessionBaseline next = sessions.next(now, answered);
            if (previous != null) {
                List<EventDraft> sessionEvents = sessions.diff(next);
                List<EventDraft> events = new ArrayList<>();
                sessionEvents.stream().filter(event -> event.type() == EventType.SESSION_LEFT).forEach(events::add);
                events.addAll(RegistryDiff.between(previous, now));
                sessionEvents.stream().filter(event -> event.type() != EventType.SESSION_LEFT).forEach(events::add);
                if (!events.isEmpty()) {
                    log.append(events);
                    LOG.debug("recorded {} cluster events", events.size());
                }
            }
            previous = now;
            sessions = next;
        } catch (RuntimeException e) {
            LOG.warn("cluster events not recorded this time: {}", e.getMessage());
        }
    }
}
