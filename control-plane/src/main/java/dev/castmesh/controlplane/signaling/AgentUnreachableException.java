package dev.castmesh.controlplane.signaling;

import dev.castmesh.controlplane.http.ApiException;

/** 502 {@code agent_unreachable}: the node's agent did not answer (refused, reset or timed out). */
public final class AgentUnreachableException extends ApiException {
    public AgentUnreachableException(String alias, String why) {
        super(502, "agent_unreachable", "media node '" + alias + "' did not answer: " + why);
    }
}
