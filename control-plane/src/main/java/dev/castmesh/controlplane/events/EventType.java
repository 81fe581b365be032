package dev.castmesh.controlplane.events;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a cluster event says happened (DESIGN.md's one event model). The control plane records what it sees in the
 * node registry ({@link RegistryDiff}) and in the agents' stream lists ({@link SessionDiff}: sessions, segments);
 * {@code node.draining} needs a report the agents do not send yet.
 */
public enum EventType {
    NODE_ONLINE("node.online"),
    NODE_OFFLINE("node.offline"),
    STREAM_PUBLISHED("stream.published"),
    STREAM_ENDED("stream.ended"),
    RECORDING_STARTED("recording.started"),
    RECORDING_SEGMENT("recording.segment"),
    RECORDING_FINISHED("recording.finished"),
    SESSION_JOINED("session.joined"),
    SESSION_LEFT("session.left"),
    CASCADE_UP("cascade.up"),
    CASCADE_DOWN("cascade.down");

    private final String json;

    EventType(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }

    public static EventType of(String json) {
        for (EventType type : values()) {
            if (type.json.equals(json)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown event type " + json);
    }
}
