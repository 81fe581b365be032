package dev.castmesh.gst.errors;

/** No such session on the stream (HTTP 404). */
public final class SessionNotFoundException extends MediaException {
    private static final long serialVersionUID = 1L;

    public SessionNotFoundException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "session_not_found";
    }
}
