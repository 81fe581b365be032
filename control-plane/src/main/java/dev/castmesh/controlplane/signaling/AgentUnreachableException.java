package dev.castmesh.controlplane.signaling;

import dev.castmesh.controlplane.http.ApiException;

import java.time.Duration;

/**
 * The node's agent gave no usable answer: 502 {@code agent_unreachable} (refused, reset), 502
 * {@code agent_reply_too_large} (over {@link AgentClient#MAX_REPLY_BYTES}) or 504 {@code agent_timeout} (no complete
 * answer within {@code [cluster] agent_timeout}).
 */
public final class AgentUnreachableException extends ApiException {
    private final boolean timedOut;

    public AgentUnreachableException(String alias, String why) {
        this(502, "agent_unreachable", "media node '" + alias + "' did not answer: " + why, false);
    }

    private AgentUnreachableException(int status, String code, String message, boolean timedOut) {
        super(status, code, message);
        this.timedOut = timedOut;
    }

    static AgentUnreachableException timeout(String alias, Duration timeout) {
        return new AgentUnreachableException(504, "agent_timeout", "media node '" + alias
                + "' did not answer completely within " + timeout.toSeconds() + " s ([cluster] agent_timeout)", true);
    }

    static AgentUnreachableException tooLarge(String alias, long limit) {
        return new AgentUnreachableException(502, "agent_reply_too_large", "media node '" + alias
                + "' answered more than " + limit + " bytes", false);
    }

    /** Connected, but no complete answer within {@code [cluster] agent_timeout}. */
    public boolean timedOut() {
        return timedOut;
    }
}
