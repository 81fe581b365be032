package dev.castmesh.gst.webrtc;

/** A webrtcbin negotiation step failed. The message is internal (for logs), not for clients. */
public final class NegotiationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The step that failed. */
    public enum Step { SET_REMOTE, CREATE, SET_LOCAL, GATHER, CLOSED }

    private final Step step;

    public NegotiationException(Step step, String message) {
        super(message);
        this.step = step;
    }

    public Step step() {
        return step;
    }
}
