package dev.castmesh.controlplane.placement;

import dev.castmesh.api.cluster.NodeCapacity;
import dev.castmesh.api.cluster.NodeLoad;
import dev.castmesh.controlplane.node.NodeState;

/**
 * How loaded a node is, lower is better: the sum of three parts of about 0..1 each, weighted equally:
 * viewers / max viewers, CPU ratio, and (bitrate in + out) / {@value #BITRATE_REFERENCE_BPS} bps. Viewers and bitrate
 * count separately because a node with few viewers of a 6 Mbit/s stream can be busier than one with many
 * viewers of an audio stream. A node without capacity (no heartbeat yet) or a zero viewer limit scores as full.
 */
public final class LoadScore {
    /** 1 Gbit/s: a bitrate of one full NIC adds 1.0. */
    public static final double BITRATE_REFERENCE_BPS = 1e9;

    private LoadScore() {
    }

    public static double of(NodeState node) {
        NodeCapacity capacity = node.capacity();
        NodeLoad load = node.load();
        double viewers = capacity == null || capacity.maxViewers() <= 0 ? 1.0 : (double) node.viewers() / capacity.maxViewers();
        double cpu = load == null ? 1.0 : load.cpuRatio();
        double bitrate = load == null ? 0 : (load.bitrateInBps() + load.bitrateOutBps()) / BITRATE_REFERENCE_BPS;
        return viewers + cpu + bitrate;
    }
}
