package dev.castmesh.controlplane.recording;

import dev.castmesh.controlplane.http.ApiException;

/** 503 {@code storage_unavailable}: the recordings storage could not be listed (the detail goes to the log). */
final class StorageUnavailableException extends ApiException {
    StorageUnavailableException() {
        super(503, "storage_unavailable", "the recordings storage is not reachable; try again");
    }
}
