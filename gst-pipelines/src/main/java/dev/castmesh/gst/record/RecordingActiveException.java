package dev.castmesh.gst.record;

import dev.castmesh.gst.errors.MediaException;

/** The stream is already being recorded (one recording per stream at a time). Maps to HTTP 409. */
public final class RecordingActiveException extends MediaException {
    private static final long serialVersionUID = 1L;

    public RecordingActiveException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "recording_active";
    }
}
