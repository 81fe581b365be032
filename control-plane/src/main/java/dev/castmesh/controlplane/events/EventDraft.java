package dev.castmesh.controlplane.events;

import java.util.Map;

/**
 * An event before it has an id and a time: what {@link RegistryDiff} and {@link SessionDiff} find.
 *
 * @param session the routable session id ({@code {alias}.{agent session id}}) of a session event, else null
 */
public record EventDraft(EventType type, String node, String stream, String session, Map<String, Object> data) {
    public EventDraft {
        data = data == null ? Map.of() : Map.copyOf(data);
    }
}
