package dev.castmesh.controlplane.node;

import dev.castmesh.api.cluster.NodeCapacity;
import dev.castmesh.api.cluster.NodeLoad;
import dev.castmesh.api.cluster.NodeView;
import dev.castmesh.api.cluster.StreamSnapshot;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A node as the registry knows it at one instant: immutable, what placement, the proxy and the API read.
 *
 * @param region     effective region: set through the API, else reported by the heartbeat ("" if none)
 * @param agentToken the token to send to this agent, null for none; never shown or logged
 * @param capacity   null before the first heartbeat
 * @param load       null before the first heartbeat
 * @param autopush   the last heartbeat asked for every local publish to be pushed to the origin region
 * @param grantKey   the HS256 key the agent accepts stream-scoped JWTs signed with (its last heartbeat), null for
 *                   none; never shown or logged
 */
public record NodeState(String alias, String region, String publicUrl, String agentToken, boolean online,
                        Instant lastSeen, NodeCapacity capacity, NodeLoad load, List<StreamSnapshot> streams,
                        Instant createdAt, Instant updatedAt, boolean autopush, String grantKey) {

    public NodeState {
        streams = streams == null ? List.of() : List.copyOf(streams);
    }

    /** Without autopush. */
    public NodeState(String alias, String region, String publicUrl, String agentToken, boolean online, Instant lastSeen,
                     NodeCapacity capacity, NodeLoad load, List<StreamSnapshot> streams, Instant createdAt, Instant updatedAt) {
        this(alias, region, publicUrl, agentToken, online, lastSeen, capacity, load, streams, createdAt, updatedAt, false, null);
    }

    public Optional<StreamSnapshot> stream(String name) {
        return streams.stream().filter(stream -> stream.stream().equals(name)).findFirst();
    }

    /** Viewers over all streams. */
    public int viewers() {
        return streams.stream().mapToInt(StreamSnapshot::viewers).sum();
    }

    /** The API view at {@code now} (Liveman's {@code duration} is the heartbeat's age then). */
    public NodeView view(Instant now) {
        return NodeView.of(alias, region, publicUrl, online, lastSeen, capacity, load, streams, createdAt, updatedAt, now);
    }

    @Override
    public String toString() {
        return "NodeState[alias=" + alias + ", region=" + region + ", publicUrl=" + publicUrl + ", online=" + online
                + ", lastSeen=" + lastSeen + ", streams=" + streams.size() + ", agentToken=***, grantKey=***]";
    }
}
