package dev.castmesh.gst.errors;

/** The SDP offer or fragment cannot be parsed or is not usable (HTTP 400). */
public final class BadSdpException extends MediaException {
    private static final long serialVersionUID = 1L;

    public BadSdpException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "bad_sdp";
    }
}
