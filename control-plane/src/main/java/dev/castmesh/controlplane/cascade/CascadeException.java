package dev.castmesh.controlplane.cascade;

import dev.castmesh.controlplane.http.ApiException;

/** A cascade that could not be set up or was refused, with its status and code. */
public final class CascadeException extends ApiException {
    private CascadeException(int status, String code, String message) {
        super(status, code, message);
    }

    /** 502 {@code cascade_failed}: an agent refused or failed the cascade call. */
    public static CascadeException failed(String message) {
        return new CascadeException(502, "cascade_failed", message);
    }

    /** 503 {@code cascade_unavailable}: an agent has no room for the copy (or the source none for the leg). */
    public static CascadeException unavailable(String message) {
        return new CascadeException(503, "cascade_unavailable", message);
    }

    /** 504 {@code cascade_timeout}: the copy did not carry media in time. */
    public static CascadeException timeout(String message) {
        return new CascadeException(504, "cascade_timeout", message);
    }

    /** 409 {@code already_carried}: the target already has the stream. */
    public static CascadeException alreadyCarried(String message) {
        return new CascadeException(409, "already_carried", message);
    }
}
