package dev.castmesh.agent.registration;

import dev.castmesh.api.cluster.NodeCapacity;
import dev.castmesh.api.cluster.NodeHeartbeat;
import dev.castmesh.api.cluster.NodeLoad;
import dev.castmesh.gst.hub.PublisherSnapshot;
import dev.castmesh.gst.hub.StreamSnapshot;
import dev.castmesh.gst.hub.ViewerSnapshot;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/** Engine snapshots → the heartbeat body. Pure. */
final class HeartbeatPayload {
    private HeartbeatPayload() {
    }

    /**
     * @param cpuRatio   this process's CPU use, 0.0 to 1.0 (negative = unknown, sent as 0)
     * @param agentToken the token the control plane must call this agent with, null when the agent runs open
     */
    static NodeHeartbeat of(String publicUrl, String region, NodeCapacity capacity, List<StreamSnapshot> snapshots,
                            double cpuRatio, String agentToken) {
        return of(publicUrl, region, capacity, snapshots, cpuRatio, agentToken, false, stream -> false, Set.of(), null);
    }

    /**
     * @param autopush        {@code [cluster] autopush}
     * @param recording       whether a stream is being recorded now
     * @param reserved        the streams reserved through {@code POST /api/streams/{stream}}: flagged, and those the
     *                        engine does not have are reported too (a reservation alone)
     * @param grantKey        the key the control plane is to sign cascade tokens for this agent with, null when open
     */
    static NodeHeartbeat of(String publicUrl, String region, NodeCapacity capacity, List<StreamSnapshot> snapshots,
                            double cpuRatio, String agentToken, boolean autopush,
                            Predicate<String> recording, Set<String> reserved, String grantKey) {
        List<dev.castmesh.api.cluster.StreamSnapshot> streams = new ArrayList<>(snapshots.size());
        long in = 0;
        long out = 0;
        int sessions = 0;
        for (StreamSnapshot s : snapshots) {
            if (streams.size() == NodeHeartbeat.MAX_STREAMS) {
                break;
            }
            PublisherSnapshot p = s.publisher();
            long streamIn = p == null ? 0 : p.bitrateBps();
            long streamOut = 0;
            for (ViewerSnapshot v : s.viewers()) {
                streamOut += v.bitrateBps();
            }
            streams.add(new dev.castmesh.api.cluster.StreamSnapshot(s.stream(), p != null && !s.copy(), s.cascadeFrom(),
                    s.viewerCount(), streamIn, streamOut, recording.test(s.stream()), reserved.contains(s.stream())));
            in += streamIn;
            out += streamOut;
            sessions += (p == null ? 0 : 1) + s.viewers().size();
        }
        Set<String> reported = new HashSet<>();
        streams.forEach(stream -> reported.add(stream.stream()));
        for (String name : new TreeSet<>(reserved)) {
            if (streams.size() < NodeHeartbeat.MAX_STREAMS && !reported.contains(name)) {
                streams.add(dev.castmesh.api.cluster.StreamSnapshot.reservation(name));
            }
        }
        double cpu = Double.isNaN(cpuRatio) || cpuRatio < 0 ? 0 : Math.min(1.0, cpuRatio);
        return new NodeHeartbeat(publicUrl, region, capacity, new NodeLoad(cpu, in, out, sessions), streams, agentToken,
                autopush, grantKey);
    }
}
