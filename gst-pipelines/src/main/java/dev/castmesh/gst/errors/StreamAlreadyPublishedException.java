package dev.castmesh.gst.errors;

/** The stream already has a publisher (HTTP 409). */
public final class StreamAlreadyPublishedException extends MediaException {
    private static final long serialVersionUID = 1L;

    public StreamAlreadyPublishedException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "stream_already_published";
    }
}
