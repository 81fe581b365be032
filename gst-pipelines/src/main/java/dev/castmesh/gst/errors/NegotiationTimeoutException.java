package dev.castmesh.gst.errors;

/** Negotiation (answer plus ICE gathering) did not finish in time (HTTP 504 or 503). */
public final class NegotiationTimeoutException extends MediaException {
    private static final long serialVersionUID = 1L;

    public NegotiationTimeoutException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "negotiation_timeout";
    }
}
