package dev.castmesh.controlplane.playbackproxy;

import dev.castmesh.storage.StorageConfig;

/**
 * The {@code [recorder]} section of the control plane: only {@code [recorder.storage]}, where the agents put
 * recordings and the playback proxy reads them (same keys as the agent's; the other {@code [recorder]} keys are
 * agent-only).
 *
 * @param storage default {@code type = "fs"}, {@code root = "./recordings"}
 */
public record RecorderSection(StorageConfig storage) {
    public RecorderSection {
        storage = storage == null ? StorageConfig.defaults() : storage;
    }

    public static RecorderSection defaults() {
        return new RecorderSection(null);
    }
}
