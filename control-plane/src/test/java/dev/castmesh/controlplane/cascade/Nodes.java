package dev.castmesh.controlplane.cascade;

import dev.castmesh.api.cluster.NodeCapacity;
import dev.castmesh.api.cluster.NodeLoad;
import dev.castmesh.api.cluster.StreamSnapshot;
import dev.castmesh.controlplane.node.NodeState;

import java.time.Instant;
import java.util.List;

/** Registry snapshots for the pure cascade tests. */
final class Nodes {
    static final Instant T = Instant.parse("2026-11-20T08:00:00Z");

    private Nodes() {
    }

    static NodeState node(String alias, String region, boolean online, double cpu, StreamSnapshot... streams) {
        return node(alias, region, online, false, cpu, streams);
    }

    static NodeState node(String alias, String region, boolean online, boolean autopush, double cpu, StreamSnapshot... streams) {
        return new NodeState(alias, region, "http://" + alias + ":7777", "tok-" + alias, online, T, new NodeCapacity(100, 10, null),
                new NodeLoad(cpu, 0, 0, 0), List.of(streams), T, T, autopush, null);
    }

    static NodeState full(String alias, String region, StreamSnapshot... streams) {
        return new NodeState(alias, region, "http://" + alias + ":7777", "tok-" + alias, true, T, new NodeCapacity(0, 10, null),
                new NodeLoad(0, 0, 0, 0), List.of(streams), T, T, false, null);
    }

    static StreamSnapshot published(String stream) {
        return new StreamSnapshot(stream, true, null, 0, 0, 0);
    }

    static StreamSnapshot copy(String stream, String from) {
        return new StreamSnapshot(stream, false, from, 0, 0, 0);
    }
}
