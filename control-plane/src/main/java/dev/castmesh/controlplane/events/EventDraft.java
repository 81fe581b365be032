package dev.castmesh.controlplane.events;

import java.util.Map;

/** An event before it has an id and a time: what {@link RegistryDiff} finds. */
public record EventDraft(EventType type, String node, String stream, Map<String, Object> data) {
    public EventDraft {
        data = data == null ? Map.of() : Map.copyOf(data);
    }
}
