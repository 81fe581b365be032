package dev.castmesh.controlplane.streamview;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Liveman's per-stream counters.
 *
 * @param publish   inbound: what the publisher (or the cascade source) sends
 * @param subscribe outbound: all viewer sessions together
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record StreamStats(MediaStats publish, MediaStats subscribe) {
    public StreamStats plus(StreamStats other) {
        return new StreamStats(publish.plus(other.publish), subscribe.plus(other.subscribe));
    }
}
