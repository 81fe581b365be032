package dev.castmesh.api.cluster;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

import java.util.List;

/**
 * The body of {@code PUT /api/nodes/{alias}/heartbeat} (JSON, these field names), sent by an agent every
 * {@code heartbeat_interval} (2 s) with {@code Authorization: Bearer <node or cluster secret>}.
 * The control plane answers 204; 401 for a wrong secret; 400 naming the field for a bad body.
 *
 * @param publicUrl  the agent's base URL as the control plane reaches it ({@code [http] public}), http or https,
 *                   no path, e.g. {@code http://10.0.0.5:7777}
 * @param region     the agent's region label ({@code [cluster] region}), may be empty
 * @param capacity   its limits
 * @param load       its load now
 * @param streams    every stream it has now (at most {@value #MAX_STREAMS})
 * @param agentToken the bearer token the control plane must send to this agent's API (one of its
 *                   {@code [auth] tokens}), or null when the agent runs open
 * @param autopush   {@code [cluster] autopush}: every stream published on this agent is to be pushed to a parent
 *                   (an agent of the control plane's own region); the control plane starts those pushes. Absent
 *                   (agents older than the flag) or null is read as false
 * @param grantKey   the HS256 key ({@value #MIN_GRANT_KEY_LENGTH} to 512 characters of base64url, the key is their ASCII
 *                   bytes; agents send 256 random bits) this agent accepts stream-scoped JWTs
 *                   signed with: the control plane signs with it the short-lived tokens it hands to the other end of
 *                   a cascade leg (never the agent's own token). Null when the agent runs open; agents older than
 *                   the field send none and then get no cascade token
 */
public record NodeHeartbeat(String publicUrl, String region, NodeCapacity capacity, NodeLoad load,
                            List<StreamSnapshot> streams, String agentToken,
                            @JsonSetter(nulls = Nulls.AS_EMPTY) boolean autopush, String grantKey) {
    /**
     * At most this many streams: even with 128-character names and 255-character {@code cascadeFrom}s (about 500 bytes
     * an entry) the body stays under {@link #MAX_BODY_BYTES}.
     */
    public static final int MAX_STREAMS = 500;
    /** The control plane refuses a longer heartbeat body (413) without reading it. */
    public static final int MAX_BODY_BYTES = 256 * 1024;
    /** 256 random bits in base64url: what HS256 needs. */
    public static final int MIN_GRANT_KEY_LENGTH = 43;

    public NodeHeartbeat(String publicUrl, String region, NodeCapacity capacity, NodeLoad load,
                         List<StreamSnapshot> streams, String agentToken) {
        this(publicUrl, region, capacity, load, streams, agentToken, false, null);
    }

    public NodeHeartbeat {
        streams = streams == null ? List.of() : streams;
        region = region == null ? "" : region;
    }

    @Override
    public String toString() {
        return "NodeHeartbeat[publicUrl=" + publicUrl + ", region=" + region + ", capacity=" + capacity + ", load=" + load
                + ", streams=" + streams.size() + ", agentToken=" + (agentToken == null ? "none" : "***") + ", autopush=" + autopush
                + ", grantKey=" + (grantKey == null ? "none" : "***") + "]";
    }
}
