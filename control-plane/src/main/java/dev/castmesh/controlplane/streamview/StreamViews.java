package dev.castmesh.controlplane.streamview;

import dev.castmesh.api.cluster.ClusterStream;
import dev.castmesh.api.cluster.StreamSnapshot;
import dev.castmesh.api.streams.StreamInfo;
import dev.castmesh.api.streams.ViewerInfo;
import dev.castmesh.controlplane.node.NodeState;
import dev.castmesh.controlplane.signaling.SessionId;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds Liveman's stream views from what the control plane knows: which online node carries which stream (their
 * last heartbeats) and, where an agent answered, its sessions ({@code GET /api/streams} of that agent). A stream an
 * agent did not detail is shown from its heartbeat alone: no sessions, heartbeat bitrates. Pure.
 */
public final class StreamViews {
    private StreamViews() {
    }

    /**
     * The cluster's streams by name: each merged over the online nodes of {@code nodes} that carry it.
     *
     * @param details by alias, the agent's streams by name; a node missing here is shown from its heartbeat
     */
    public static List<StreamView> cluster(List<NodeState> nodes, Map<String, Map<String, StreamInfo>> details) {
        Map<String, List<StreamView>> byStream = new TreeMap<>();
        for (NodeState node : online(nodes)) {
            for (StreamSnapshot snapshot : node.streams()) {
                byStream.computeIfAbsent(snapshot.stream(), name -> new ArrayList<>())
                        .add(onNode(node, snapshot, detail(details, node.alias(), snapshot.stream())));
            }
        }
        return byStream.values().stream().map(StreamViews::merge).toList();
    }

    /** One stream on each online node that carries it, by alias (Liveman's {@code GET /api/streams/{id}}). */
    public static Map<String, StreamView> byNode(List<NodeState> nodes, Map<String, Map<String, StreamInfo>> details,
                                                 String stream) {
        Map<String, StreamView> result = new LinkedHashMap<>();
        for (NodeState node : online(nodes)) {
            node.stream(stream).ifPresent(snapshot -> result.put(node.alias(),
                    onNode(node, snapshot, detail(details, node.alias(), stream))));
        }
        return result;
    }

    /** The stream on one node; {@code info} null when the agent gave no details. */
    static StreamView onNode(NodeState node, StreamSnapshot snapshot, StreamInfo info) {
        String alias = node.alias();
        long created = info == null || info.createdAt() == null ? 0 : info.createdAt().toEpochMilli();
        List<SessionView> publishers = new ArrayList<>();
        List<SessionView> viewers = new ArrayList<>();
        Set<CodecView> codecs = new LinkedHashSet<>();
        MediaStats in = new MediaStats(0, 0, snapshot.bitrateInBps());
        MediaStats out = new MediaStats(0, 0, snapshot.bitrateOutBps());
        if (info != null) {
            if (info.publisher() != null) {
                MediaStats stats = new MediaStats(info.publisher().bytesReceived(), 0, info.publisher().bitrateInBps());
                session(alias, info.publisher().sessionId(), created, info.publisher().state(), stats).ifPresent(publishers::add);
                info.publisher().codecs().forEach(text -> CodecView.ofAgent(text).ifPresent(codecs::add));
            }
            long sent = 0;
            for (ViewerInfo viewer : info.viewers()) {
                session(alias, viewer.sessionId(), 0, viewer.state(),
                        new MediaStats(viewer.bytesSent(), 0, viewer.bitrateOutBps())).ifPresent(viewers::add);
                sent += viewer.bytesSent();
                if (info.publisher() == null) {
                    viewer.codecs().forEach(text -> CodecView.ofAgent(text).ifPresent(codecs::add));
                }
            }
            in = new MediaStats(info.publisher() == null ? 0 : info.publisher().bytesReceived(), 0, info.bitrateInBps());
            out = new MediaStats(sent, 0, info.bitrateOutBps());
        }
        boolean fed = snapshot.carried() || !publishers.isEmpty();
        boolean watched = snapshot.viewers() > 0 || !viewers.isEmpty();
        ClusterStream.OnNode ours = new ClusterStream.OnNode(alias, node.region(), snapshot.publisher(), snapshot.cascadeFrom(),
                snapshot.viewers(), snapshot.bitrateInBps(), snapshot.bitrateOutBps(), snapshot.recording());
        return new StreamView(snapshot.stream(), created, new PubSub(fed ? 0 : created, publishers),
                new PubSub(watched ? 0 : created, viewers), List.copyOf(codecs), false, false, new StreamStats(in, out),
                StatsScope.NODE, snapshot.stream(), snapshot.viewers(), List.of(ours));
    }

    /**
     * One stream over several nodes, as Liveman merges them: the earliest creation, a side's {@code leaveAt} 0 if any
     * node has a session there (else the latest), sessions and codecs together, counters summed (scope
     * {@code clusterNodeWork}: a cascade hop counts as work on each node it passes).
     */
    static StreamView merge(List<StreamView> views) {
        if (views.size() == 1) {
            return views.get(0);
        }
        StreamView first = views.get(0);
        long created = views.stream().mapToLong(StreamView::createdAt).filter(at -> at > 0).min().orElse(0);
        List<SessionView> publishers = new ArrayList<>();
        List<SessionView> viewers = new ArrayList<>();
        Set<CodecView> codecs = new LinkedHashSet<>();
        List<ClusterStream.OnNode> nodes = new ArrayList<>();
        StreamStats stats = new StreamStats(MediaStats.ZERO, MediaStats.ZERO);
        int viewerCount = 0;
        for (StreamView view : views) {
            publishers.addAll(view.publish().sessions());
            viewers.addAll(view.subscribe().sessions());
            codecs.addAll(view.codecs());
            nodes.addAll(view.nodes());
            stats = stats.plus(view.stats());
            viewerCount += view.viewers();
        }
        return new StreamView(first.id(), created, new PubSub(leaveAt(views.stream().map(StreamView::publish).toList()), publishers),
                new PubSub(leaveAt(views.stream().map(StreamView::subscribe).toList()), viewers), List.copyOf(codecs), false,
                false, stats, StatsScope.CLUSTER_NODE_WORK, first.stream(), viewerCount, nodes);
    }

    private static long leaveAt(List<PubSub> sides) {
        return sides.stream().anyMatch(side -> side.leaveAt() == 0) ? 0
                : sides.stream().mapToLong(PubSub::leaveAt).max().orElse(0);
    }

    /** Sessions whose agent id cannot make a routable control-plane id are left out rather than shown unusable. */
    private static Optional<SessionView> session(String alias, String agentId, long createdAt, String state, MediaStats stats) {
        try {
            return Optional.of(new SessionView(new SessionId(alias, agentId).encode(), createdAt, 0,
                    SessionState.ofAgent(state), false, stats, alias));
        } catch (IllegalArgumentException notRoutable) {
            return Optional.empty();
        }
    }

    private static List<NodeState> online(List<NodeState> nodes) {
        return nodes.stream().filter(NodeState::online).sorted(Comparator.comparing(NodeState::alias)).toList();
    }

    private static StreamInfo detail(Map<String, Map<String, StreamInfo>> details, String alias, String stream) {
        Map<String, StreamInfo> streams = details.get(alias);
        return streams == null ? null : streams.get(stream);
    }
}
