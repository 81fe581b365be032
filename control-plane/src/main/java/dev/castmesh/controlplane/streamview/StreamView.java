package dev.castmesh.controlplane.streamview;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.castmesh.api.cluster.ClusterStream;

import java.util.List;

/**
 * A stream as Liveman's {@code GET /api/streams/} answers it ({@code Stream} of binbat/live777 {@code libs/api}), with
 * our cluster fields beside ({@code stream}, {@code viewers}, {@code nodes}, as {@link ClusterStream} has them).
 *
 * @param id          the stream name
 * @param createdAt   milliseconds since the epoch when its publisher's offer arrived (the earliest over its nodes); 0
 *                    when no node told yet
 * @param publish     the publisher side
 * @param subscribe   the viewer side
 * @param codecs      the publisher's codecs
 * @param provisioned always false: streams exist while published
 * @param onDemand    always false
 * @param stats       counters; one node's, or the sum over the nodes carrying it ({@code statsScope})
 * @param statsScope  {@code node} for one node, {@code clusterNodeWork} for a sum over several
 * @param stream      ours: the stream name
 * @param viewers     ours: WHEP viewers over the nodes
 * @param nodes       ours: the stream on each node that carries it
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record StreamView(String id, long createdAt, PubSub publish, PubSub subscribe, List<CodecView> codecs,
                         boolean provisioned, boolean onDemand, StreamStats stats, StatsScope statsScope,
                         String stream, int viewers, List<ClusterStream.OnNode> nodes) {
    public StreamView {
        codecs = List.copyOf(codecs);
        nodes = List.copyOf(nodes);
    }
}
