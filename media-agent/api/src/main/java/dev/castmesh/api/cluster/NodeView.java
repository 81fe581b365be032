package dev.castmesh.api.cluster;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A node as {@code GET /api/nodes} (and POST/PUT) answers it: ours, with Liveman's node fields beside. Never carries
 * the secret or the agent's token.
 *
 * @param alias     the node's name (also Liveman's)
 * @param region    its region: the one set through the API, else the one its heartbeats report ("" if none)
 * @param publicUrl its base URL from the last heartbeat, null before the first one
 * @param online    a heartbeat arrived within {@code [cluster] offline_after}
 * @param lastSeen  time of the last heartbeat (ISO-8601 UTC), null if none yet
 * @param capacity  from the last heartbeat, null if none yet
 * @param load      from the last heartbeat, null if none yet
 * @param streams   from the last heartbeat (empty if none)
 * @param createdAt when the node was registered
 * @param updatedAt last change through the API or a heartbeat
 * @param url       Liveman: the base URL ({@code publicUrl}; "" before the first heartbeat)
 * @param status    Liveman: {@code running} while online, else {@code stopped}
 * @param duration  Liveman: the age of the last heartbeat as Liveman prints a duration ({@code "850ms"}), {@code "-"}
 *                  before the first one
 * @param strategy  Liveman: the node's stream strategy, absent before the first heartbeat
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record NodeView(String alias, String region, String publicUrl, boolean online,
                       @JsonFormat(shape = JsonFormat.Shape.STRING) Instant lastSeen,
                       NodeCapacity capacity, NodeLoad load, List<StreamSnapshot> streams,
                       @JsonFormat(shape = JsonFormat.Shape.STRING) Instant createdAt,
                       @JsonFormat(shape = JsonFormat.Shape.STRING) Instant updatedAt,
                       String url, NodeStatus status, String duration,
                       @JsonInclude(JsonInclude.Include.NON_NULL) NodeStrategy strategy) {
    public NodeView {
        streams = streams == null ? List.of() : List.copyOf(streams);
    }

    /** Liveman's fields derived from ours, {@code now} being the time of the answer. */
    public static NodeView of(String alias, String region, String publicUrl, boolean online, Instant lastSeen,
                              NodeCapacity capacity, NodeLoad load, List<StreamSnapshot> streams, Instant createdAt,
                              Instant updatedAt, Instant now) {
        String duration = lastSeen == null ? "-" : Math.max(0, Duration.between(lastSeen, now).toMillis()) + "ms";
        return new NodeView(alias, region, publicUrl, online, lastSeen, capacity, load, streams, createdAt, updatedAt,
                publicUrl == null ? "" : publicUrl, online ? NodeStatus.RUNNING : NodeStatus.STOPPED, duration,
                capacity == null ? null : NodeStrategy.of(capacity));
    }
}
