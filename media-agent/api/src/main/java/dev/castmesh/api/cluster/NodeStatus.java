package dev.castmesh.api.cluster;

import com.fasterxml.jackson.annotation.JsonValue;

/** Liveman's node state: {@code running} while the node sends heartbeats, {@code stopped} otherwise. */
public enum NodeStatus {
    RUNNING("running"),
    STOPPED("stopped");

    private final String json;

    NodeStatus(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }
}
