package dev.castmesh.gst.record;

import java.util.concurrent.CompletableFuture;

/** A running recording of one stream, as returned by {@code MediaEngine.startRecording}. Thread-safe. */
public interface RecordingHandle {
    String stream();

    RecordingSnapshot snapshot();

    /**
     * Ends the recording: detaches the branch from the stream's tees and sends EOS through the branch
     * only (viewers are untouched). Idempotent. The future completes once the last segment and the
     * static MPD are written (or after a few seconds if the muxers never finish, with state FAILED).
     */
    CompletableFuture<RecordingSnapshot> stop();

    /** Completes when the recording has ended, however it ended (stop, publisher gone, error). */
    CompletableFuture<RecordingSnapshot> finished();
}
