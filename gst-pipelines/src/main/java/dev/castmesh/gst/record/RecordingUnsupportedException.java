package dev.castmesh.gst.record;

import dev.castmesh.gst.errors.MediaException;

/** The stream cannot be recorded (a VP8 publish; no track to record). Maps to HTTP 409 or 422. */
public final class RecordingUnsupportedException extends MediaException {
    private static final long serialVersionUID = 1L;

    public RecordingUnsupportedException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "recording_unsupported";
    }
}
