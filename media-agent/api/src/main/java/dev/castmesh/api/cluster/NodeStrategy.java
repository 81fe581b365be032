package dev.castmesh.api.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A node's stream strategy as Liveman's node list shows it (Live777's {@code [strategy]}, snake_case), derived from what
 * the agent reports and does: its viewer limits, and how our agents treat streams (WHIP creates a stream, WHEP never
 * does; a stream ends when its publisher leaves, never because its viewers left; a cascade push keeps the target's
 * viewers). Values are Live777's: {@code auto_delete_*} -1 = never, 0 = at once.
 *
 * @param eachStreamMaxSub     viewers of one stream on the node ({@code [strategy] each_stream_max_sub})
 * @param cascadePushCloseSub  whether a cascade push closes the local viewers: never here
 * @param autoCreateWhip       a WHIP to an unknown stream creates it: always here
 * @param autoCreateWhep       a WHEP to an unknown stream creates it: never here (404)
 * @param autoDeleteWhip       milliseconds after the publisher left until the stream ends: 0 here
 * @param autoDeleteWhep       milliseconds after the last viewer left until the stream ends: -1 (never) here
 * @param maxViewers           ours: viewers over all streams of the node ({@code [strategy] max_viewers})
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record NodeStrategy(@JsonProperty("each_stream_max_sub") int eachStreamMaxSub,
                           @JsonProperty("cascade_push_close_sub") boolean cascadePushCloseSub,
                           @JsonProperty("auto_create_whip") boolean autoCreateWhip,
                           @JsonProperty("auto_create_whep") boolean autoCreateWhep,
                           @JsonProperty("auto_delete_whip") long autoDeleteWhip,
                           @JsonProperty("auto_delete_whep") long autoDeleteWhep,
                           @JsonProperty("max_viewers") int maxViewers) {

    /** What our agents do, with the limits of their last heartbeat. */
    public static NodeStrategy of(NodeCapacity capacity) {
        return new NodeStrategy(capacity.eachStreamMaxSub(), false, true, false, 0, -1, capacity.maxViewers());
    }
}
