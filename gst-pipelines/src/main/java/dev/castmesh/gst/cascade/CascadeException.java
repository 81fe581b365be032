package dev.castmesh.gst.cascade;

import java.util.OptionalInt;

/**
 * A cascade bridge could not be set up or re-attached. The message is written for the operator who asked for
 * the cascade: it names the remote side and what went wrong, never element names.
 */
public final class CascadeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What failed, for the caller's choice of status code. */
    public enum Reason {
        /** The source has no such stream (it answered 404). */
        NOT_FOUND,
        /** The remote side refused the offer (see {@link #remoteStatus()}) or could not be reached. */
        REFUSED,
        /** Media or a connection did not arrive in time. */
        TIMEOUT,
        /** The new source sends other codecs than the copy carries. */
        CODEC_MISMATCH,
        /** Anything else (local pipeline failure). */
        FAILED
    }

    private final Reason reason;
    private final Integer remoteStatus;

    public CascadeException(Reason reason, String message, Integer remoteStatus) {
        super(message, null, false, false);
        this.reason = reason;
        this.remoteStatus = remoteStatus;
    }

    public CascadeException(Reason reason, String message) {
        this(reason, message, null);
    }

    public Reason reason() {
        return reason;
    }

    /** The HTTP status the remote side answered, when it answered one. */
    public OptionalInt remoteStatus() {
        return remoteStatus == null ? OptionalInt.empty() : OptionalInt.of(remoteStatus);
    }
}
