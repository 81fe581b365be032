package dev.castmesh.gst.record;

/** The life of one recording. */
public enum RecordingState {
    /** Branch attached, waiting for the first key frame. */
    STARTING,
    /** Segments are being written. */
    RECORDING,
    /** EOS sent through the branch; the last segments and the static MPD are being written. */
    STOPPING,
    /** Ended cleanly: every segment and the static MPD are on disk. */
    FINISHED,
    /** Ended with an error (see the snapshot); what was written before stays valid. */
    FAILED,
    /**
     * Stopped because the spool fell below its free-space floor ({@code minFreeBytes}): the segment that would
     * have crossed it was not written, every segment the manifest lists is on disk and the manifest is static.
     */
    OUT_OF_SPACE
}
