package dev.castmesh.api.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A stream across the cluster, as the control plane's {@code GET /api/streams} answers it: merged from the last
 * heartbeats of the online nodes (so up to one heartbeat interval old).
 *
 * @param stream  the stream name
 * @param viewers WHEP viewers over all nodes
 * @param nodes   every online node that has it, by alias
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ClusterStream(String stream, int viewers, List<OnNode> nodes) {
    public ClusterStream {
        nodes = List.copyOf(nodes);
    }

    /**
     * The stream on one node.
     *
     * @param alias         the node
     * @param region        its region
     * @param publisher     the WHIP publisher is on this node (the origin)
     * @param cascadeFrom   the node it is cascaded from, or null
     * @param viewers       its viewers on this node
     * @param bitrateInBps  bits per second received for it there
     * @param bitrateOutBps bits per second sent for it there
     * @param recording     the node records it now (as of its last heartbeat)
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record OnNode(String alias, String region, boolean publisher, String cascadeFrom, int viewers, long bitrateInBps,
                         long bitrateOutBps, boolean recording) {

        public OnNode(String alias, String region, boolean publisher, String cascadeFrom, int viewers, long bitrateInBps,
                      long bitrateOutBps) {
            this(alias, region, publisher, cascadeFrom, viewers, bitrateInBps, bitrateOutBps, false);
        }
    }
}
