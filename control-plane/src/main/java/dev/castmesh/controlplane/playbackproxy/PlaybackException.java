package dev.castmesh.controlplane.playbackproxy;

import dev.castmesh.controlplane.http.ApiException;

/** The typed refusals of the playback proxy. */
final class PlaybackException extends ApiException {
    private PlaybackException(int status, String code, String message) {
        super(status, code, message);
    }

    static PlaybackException notFound(String key) {
        return new PlaybackException(404, "object_not_found", "no recording object '" + key + "'");
    }

    /** The store failed; the detail goes to the log, not to the client. */
    static PlaybackException storageUnavailable() {
        return new PlaybackException(503, "storage_unavailable", "the recordings storage is not reachable; try again");
    }
}
