package dev.castmesh.api.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

/**
 * One stream of an agent at heartbeat time.
 *
 * @param stream        the stream name
 * @param publisher     a WHIP publisher feeds it on this agent (the stream's origin)
 * @param cascadeFrom   alias of the agent this copy is pulled from (or pushed by), null for none; a stream with a
 *                      publisher or a cascade source "is carried" by the agent and can take viewers there
 * @param viewers       WHEP sessions of this stream on this agent (cascade legs out not included)
 * @param bitrateInBps  bits per second received for it
 * @param bitrateOutBps bits per second sent for it, all viewers together
 * @param recording     the agent records it now (a recording STARTING, RECORDING or STOPPING); absent in heartbeats of
 *                      older agents, read as false
 * @param reserved      created on this agent ahead of its publisher ({@code POST /api/streams/{stream}}) and not
 *                      deleted; such a stream has neither publisher nor source until one arrives (then it is also
 *                      {@code publisher}); absent in heartbeats of older agents, read as false
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record StreamSnapshot(String stream, boolean publisher, String cascadeFrom, int viewers, long bitrateInBps,
                             long bitrateOutBps,
                             @JsonSetter(nulls = Nulls.AS_EMPTY) boolean recording,
                             @JsonSetter(nulls = Nulls.AS_EMPTY) boolean reserved) {

    public StreamSnapshot(String stream, boolean publisher, String cascadeFrom, int viewers, long bitrateInBps,
                          long bitrateOutBps) {
        this(stream, publisher, cascadeFrom, viewers, bitrateInBps, bitrateOutBps, false, false);
    }

    /** A reservation only: no publisher, no source, no viewers. */
    public static StreamSnapshot reservation(String stream) {
        return new StreamSnapshot(stream, false, null, 0, 0, 0, false, true);
    }

    /** Has media on this agent: a publisher or a cascade source. */
    public boolean carried() {
        return publisher || cascadeFrom != null;
    }
}
