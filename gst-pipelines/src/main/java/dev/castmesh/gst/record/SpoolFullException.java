package dev.castmesh.gst.record;

/** A segment was not written: the spool's file system has less free space than the recording's floor. */
final class SpoolFullException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SpoolFullException(String message) {
        super(message, null, false, false);
    }
}
