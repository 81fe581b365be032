package dev.castmesh.controlplane.playbackproxy;

import dev.castmesh.storage.StorageConfig;

import java.time.Duration;

/**
 * The {@code [recorder]} section of the control plane: only {@code [recorder.storage]}, where the agents put
 * recordings and the playback proxy reads them (same keys as the agent's; the other {@code [recorder]} keys are
 * agent-only).
 *
 * @param storage           default {@code type = "fs"}, {@code root = "./recordings"}
 * @param reconcileInterval how often the cluster reconciles the recordings index with storage (seconds, at least 60;
 *                          0: never; default 3600), once per interval in the cluster
 */
public record RecorderSection(StorageConfig storage, Duration reconcileInterval) {
    public static final Duration DEFAULT_RECONCILE_INTERVAL = Duration.ofHours(1);

    public RecorderSection {
        storage = storage == null ? StorageConfig.defaults() : storage;
        reconcileInterval = reconcileInterval == null ? DEFAULT_RECONCILE_INTERVAL : reconcileInterval;
        if (!reconcileInterval.isZero() && reconcileInterval.compareTo(Duration.ofSeconds(60)) < 0) {
            throw new IllegalArgumentException("reconcile_interval: must be 0 (off) or at least 60 seconds");
        }
    }

    public static RecorderSection defaults() {
        return new RecorderSection(null, null);
    }
}
