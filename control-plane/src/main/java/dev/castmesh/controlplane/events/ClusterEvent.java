package dev.castmesh.controlplane.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.Map;

/**
 * One cluster event as {@code GET /api/sse/events} sends it (DESIGN.md: {@code {"id","type","time","node","stream",
 * "session","data"}}).
 *
 * @param id      increases over the cluster (database sequence); the SSE {@code id:} too
 * @param type    what happened
 * @param time    when the control plane saw it (ISO-8601 UTC)
 * @param node    the node's alias, or null
 * @param stream  the stream, or null
 * @param session the routable session id ({@code {alias}.{id}}) of {@code session.joined/left}, else null
 * @param data    details, e.g. {@code {"cascadeFrom": "agent-1"}} for {@code cascade.up}
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ClusterEvent(long id, EventType type, @JsonFormat(shape = JsonFormat.Shape.STRING) Instant time, String node,
                           String stream, String session, Map<String, Object> data) {
    public ClusterEvent {
        data = data == null ? Map.of() : Map.copyOf(data);
    }
}
