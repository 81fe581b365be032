package dev.castmesh.gst.errors;

/** The stream has no publisher on this engine (HTTP 404). */
public final class StreamNotFoundException extends MediaException {
    private static final long serialVersionUID = 1L;

    public StreamNotFoundException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "stream_not_found";
    }
}
