package dev.castmesh.api.http;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The machine-readable {@code error} of an {@link ApiError} that the agent answers (and the control plane passes on):
 * part of the public contract, so one list, one spelling ({@link #wire()}: the constant in snake_case).
 */
public enum ErrorCode {
    BAD_REQUEST,
    BAD_SDP,
    UNSUPPORTED_CODEC,
    FORBIDDEN,
    STREAM_NOT_FOUND,
    SESSION_NOT_FOUND,
    STREAM_ALREADY_PUBLISHED,
    STREAM_ALREADY_EXISTS,
    PRECONDITION_FAILED,
    ICE_RESTART_UNSUPPORTED,
    STREAM_FULL,
    AGENT_FULL,
    TOO_MANY_PENDING,
    NEGOTIATION_TIMEOUT,
    RECORDING_ACTIVE,
    RECORDING_UNSUPPORTED,
    NOT_RECORDING,
    INSUFFICIENT_STORAGE,
    CASCADE_NOT_ALLOWED,
    CASCADE_FAILED,
    CASCADE_TIMEOUT,
    CODEC_MISMATCH,
    INTERNAL;

    /** As it appears in JSON, e.g. {@code stream_not_found}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ErrorCode> fromWire(String code) {
        return Arrays.stream(values()).filter(c -> c.wire().equals(code)).findFirst();
    }
}
