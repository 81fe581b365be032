package dev.castmesh.gst.record;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * What a recording tells its owner (the agent daemon: upload, index). Called one at a time, in order,
 * on a thread of the engine's pool, never on a GStreamer thread; a slow listener delays later calls of
 * the same recording only. Exceptions are logged and ignored.
 */
public interface RecordingListener {
    RecordingListener NONE = new RecordingListener() {
    };

    /**
     * A file is complete and will never change: an init segment ({@code init-*.mp4}) or a media segment
     * ({@code seg-N.m4s}). Upload it before the manifest that references it.
     */
    default void onSegment(Path file) {
    }

    /**
     * The day's manifest was rewritten. {@code finished} is true for the last version written by this
     * recording for that day ({@code type="static"}: the recording stopped or moved to the next day).
     */
    default void onManifest(Path mpd, LocalDate day, boolean finished) {
    }

    /** The recording ended (stopped, publisher left, or failed); the last snapshot. */
    default void onEnded(RecordingSnapshot last) {
    }
}
