package dev.castmesh.controlplane.cascade;

import dev.castmesh.api.cluster.StreamSnapshot;
import dev.castmesh.controlplane.node.NodeState;
import dev.castmesh.controlplane.placement.Placement;
import dev.castmesh.controlplane.placement.PlacementPolicy;
import dev.castmesh.controlplane.placement.Preference;
import dev.castmesh.controlplane.signaling.CascadeStarter;
import dev.castmesh.controlplane.signaling.SignalingException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Sets up cascades for viewers and operators through {@link AgentCascades}:
 * <ul>
 *   <li>overflow ({@link Placement.CascadeNeeded}): in {@code [cascade] mode = "pull"} the target pulls
 *       {@code {source}/whep/{stream}?cascadeTo={target}} with the source's token (a cascade pull, which the source
 *       admits beyond its viewer limits: a full source can feed it); in {@code "push"} the source pushes to
 *       {@code {target}/whip/{stream}?cascadeFrom={source}} with the target's token;</li>
 *   <li>on demand: the first {@code [[cascade.pull]]} rule matching a stream nobody carries gives an external URL
 *       (pulled into the least-loaded node with room, the preferred region first) or another stream of the cluster
 *       (pulled from its nearest carrier into such a node, as the requested name). Always pull;</li>
 *   <li>{@link #link} for {@code POST /api/cascade/{stream}}.</li>
 * </ul>
 * One call per (stream, target) at a time: concurrent viewers that need the same cascade wait for one agent call
 * ({@link SingleFlight}), and for {@value #RECENT_SECONDS} s after it the target is used without asking again
 * (the heartbeats have not shown the copy yet). Both only spare calls: the agent answers a repeated pull with a
 * re-attach, so two control-plane instances need no shared lock.
 */
@Singleton
public class ClusterCascades implements CascadeStarter {
    static final int RECENT_SECONDS = 5;
    /** What {@link #once} gives when it did not call because the same cascade was just set up. */
    private static final int RECENT = 0;
    private static final Logger LOG = LoggerFactory.getLogger(ClusterCascades.class);

    private final AgentCascades agents;
    private final CascadeConfig config;
    private final PlacementPolicy policy = new PlacementPolicy();
    private final SingleFlight<String, Integer> flights = new SingleFlight<>();
    private final RecentCascades recent;

    ClusterCascades(AgentCascades agents, CascadeConfig config, Clock clock) {
        this.agents = agents;
        this.config = config;
        this.recent = new RecentCascades(clock, Duration.ofSeconds(RECENT_SECONDS));
    }

    @Override
    public NodeState start(Placement.CascadeNeeded decision) {
        // An overflow copy idles out like a pulled one, pushed or pulled.
        link(decision.stream(), decision.source(), decision.target(), config.mode(), false, config.idleTimeoutSeconds());
        return decision.target();
    }

    @Override
    public Optional<NodeState> onDemand(String stream, List<NodeState> nodes, Preference preference) {
        Optional<PullSource> rule = config.pullSource(stream);
        if (rule.isEmpty()) {
            return Optional.empty();
        }
        if (rule.get() instanceof PullSource.External external) {
            NodeState target = policy.pullTarget(nodes, preference).orElseThrow(() -> SignalingException.noNodeAvailable(
                    "stream '" + stream + "' has an external pull source but no online node has room for it"));
            if (once(stream, target, () -> agents.pullExternal(target, stream, external), false) != RECENT) {
                log(stream, AgentCascades.EXTERNAL_SOURCE, target, CascadeMode.PULL);
            }
            return Optional.of(target);
        }
        String sourceStream = ((PullSource.InCluster) rule.get()).stream();
        List<NodeState> carriers = nodes.stream().filter(NodeState::online)
                .filter(node -> node.stream(sourceStream).map(StreamSnapshot::carried).orElse(false)).toList();
        if (carriers.isEmpty()) {
            throw SignalingException.streamNotFound("stream '" + stream + "' is not published on any online node, nor is '"
                    + sourceStream + "', its pull rule's source");
        }
        NodeState target = policy.pullTarget(nodes, preference).orElseThrow(() -> SignalingException.noNodeAvailable(
                "no online node has room for a copy of stream '" + sourceStream + "' as '" + stream + "'"));
        List<NodeState> others = carriers.stream().filter(node -> !node.alias().equals(target.alias())).toList();
        NodeState source = PlacementPolicy.nearest(others.isEmpty() ? carriers : others, target.region(), sourceStream);
        if (once(stream, target, () -> agents.pull(target, stream, source, sourceStream), false) != RECENT) {
            log(stream, source.alias(), target, CascadeMode.PULL);
        }
        return Optional.of(target);
    }

    /**
     * Copies {@code stream} from {@code source} to {@code target}.
     *
     * @param operator an operator asked: the agent answering 409 (it already has the stream) is a 409 for them
     */
    public CascadeLink link(String stream, NodeState source, NodeState target, CascadeMode mode, boolean operator) {
        return link(stream, source, target, mode, operator, 0);
    }

    /** @param pushIdleSeconds a push's copy ends after so long without viewers, 0 = never (pulls: always the config's) */
    private CascadeLink link(String stream, NodeState source, NodeState target, CascadeMode mode, boolean operator,
                             int pushIdleSeconds) {
        int status = once(stream, target, () -> mode == CascadeMode.PUSH ? agents.push(source, stream, target, pushIdleSeconds)
                : agents.pull(target, stream, source, stream), operator);
        if (status == 409 && operator) {
            throw CascadeException.alreadyCarried("node '" + target.alias() + "' already has stream '" + stream + "'");
        }
        if (status != RECENT) {
            log(stream, source.alias(), target, mode);
        }
        return new CascadeLink(stream, source.alias(), target.alias(), mode);
    }

    /**
     * Whether this process set up a copy of {@code stream} on {@code node} in the last {@value #RECENT_SECONDS} s and
     * the agent accepted it: the node carries the stream though its heartbeats may not show it yet.
     */
    public boolean justCascadedTo(String stream, NodeState node) {
        return recent.recent(key(stream, node));
    }

    /** @param fresh call even if the same cascade was just set up; @return the agent's status, or {@link #RECENT} */
    private int once(String stream, NodeState target, java.util.function.Supplier<Integer> call, boolean fresh) {
        String key = key(stream, target);
        if (!fresh && recent.recent(key)) {
            return RECENT;
        }
        int status = flights.run(key, call);
        recent.remember(key);
        return status;
    }

    private static String key(String stream, NodeState target) {
        // The URL too: a node that came back elsewhere under the same alias is another agent.
        return stream + "\n" + target.alias() + "\n" + target.publicUrl();
    }

    private static void log(String stream, String source, NodeState target, CascadeMode mode) {
        LOG.atInfo().addKeyValue("stream", stream).addKeyValue("source", source).addKeyValue("target", target.alias())
                .addKeyValue("mode", mode.text()).log("cascade set up: {} {} -> {} ({})", stream, source, target.alias(), mode.text());
    }
}
