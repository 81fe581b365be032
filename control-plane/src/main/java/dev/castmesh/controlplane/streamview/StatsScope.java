package dev.castmesh.controlplane.streamview;

import com.fasterxml.jackson.annotation.JsonValue;

/** Liveman's scope of a stream's {@code stats}: one node's work, or the sum over the nodes that carry it. */
public enum StatsScope {
    NODE("node"),
    CLUSTER_NODE_WORK("clusterNodeWork");

    private final String json;

    StatsScope(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }
}
