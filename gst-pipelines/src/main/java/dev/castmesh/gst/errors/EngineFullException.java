package dev.castmesh.gst.errors;

/** The engine carries as many streams as it may ({@code maxStreams}); another publish is refused (HTTP 503). */
public final class EngineFullException extends MediaException {
    private static final long serialVersionUID = 1L;

    public EngineFullException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "agent_full";
    }
}
