package dev.castmesh.controlplane.signaling;

import dev.castmesh.controlplane.http.ApiException;

/** 502 {@code agent_unreachable}: the node's agent did not answer (refused, reset or timed out). */
public final class AgentUnreachableException extends ApiException {
    private final boolean timedOut;

    public AgentUnreachableException(String alias, String why) {
        this(alias, why, false);
    }

    public AgentUnreachableException(String alias, String why, boolean timedOut) {
        super(502, "agent_unreachable", "media node '" + alias + "' did not answer: " + why);
        this.timedOut = timedOut;
    }

    /** Connected, but no answer within {@code [cluster] agent_timeout}. */
    public boolean timedOut() {
        return timedOut;
    }
}
