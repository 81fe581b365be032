package dev.castmesh.api.cluster;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * A node as {@code GET /api/nodes} (and POST/PUT) answers it. Never carries the secret or the agent's token.
 *
 * @param alias     the node's name
 * @param region    its region: the one set through the API, else the one its heartbeats report ("" if none)
 * @param publicUrl its base URL from the last heartbeat, null before the first one
 * @param online    a heartbeat arrived within {@code [cluster] offline_after}
 * @param lastSeen  time of the last heartbeat (ISO-8601 UTC), null if none yet
 * @param capacity  from the last heartbeat, null if none yet
 * @param load      from the last heartbeat, null if none yet
 * @param streams   from the last heartbeat (empty if none)
 * @param createdAt when the node was registered
 * @param updatedAt last change through the API or a heartbeat
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record NodeView(String alias, String region, String publicUrl, boolean online,
                       @JsonFormat(shape = JsonFormat.Shape.STRING) Instant lastSeen,
                       NodeCapacity capacity, NodeLoad load, List<StreamSnapshot> streams,
                       @JsonFormat(shape = JsonFormat.Shape.STRING) Instant createdAt,
                       @JsonFormat(shape = JsonFormat.Shape.STRING) Instant updatedAt) {
    public NodeView {
        streams = streams == null ? List.of() : List.copyOf(streams);
    }
}
