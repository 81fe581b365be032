package dev.castmesh.controlplane.streamview;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * One side of a stream as Liveman shows it.
 *
 * @param leaveAt  0 while the side has a session; else when the last one left (milliseconds since the epoch; for a
 *                 side that never had one, the stream's creation, as Live777 starts the clock)
 * @param sessions its sessions
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PubSub(long leaveAt, List<SessionView> sessions) {
    public PubSub {
        sessions = List.copyOf(sessions);
    }
}
