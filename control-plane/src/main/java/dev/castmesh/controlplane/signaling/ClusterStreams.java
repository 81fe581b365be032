package dev.castmesh.controlplane.signaling;

import dev.castmesh.api.cluster.ClusterStream;
import dev.castmesh.api.cluster.StreamSnapshot;
import dev.castmesh.controlplane.node.NodeState;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Merges the stream snapshots of the online nodes into one list, by stream name then alias. Pure. */
public final class ClusterStreams {
    private ClusterStreams() {
    }

    public static List<ClusterStream> merge(List<NodeState> nodes) {
        Map<String, List<ClusterStream.OnNode>> byStream = new TreeMap<>();
        nodes.stream().filter(NodeState::online).sorted(java.util.Comparator.comparing(NodeState::alias)).forEach(node -> {
            for (StreamSnapshot stream : node.streams()) {
                byStream.computeIfAbsent(stream.stream(), name -> new ArrayList<>()).add(new ClusterStream.OnNode(node.alias(),
                        node.region(), stream.publisher(), stream.cascadeFrom(), stream.viewers(), stream.bitrateInBps(),
                        stream.bitrateOutBps(), stream.recording()));
            }
        });
        List<ClusterStream> result = new ArrayList<>();
        byStream.forEach((name, copies) -> result.add(new ClusterStream(name,
                copies.stream().mapToInt(ClusterStream.OnNode::viewers).sum(), copies)));
        return result;
    }
}
