package dev.castmesh.agent.recording;

import dev.castmesh.agent.config.RecorderConfig;

import java.nio.file.Path;

/** The {@link ObjectSink} for {@code [recorder.storage]}; null when the spool itself is the storage. */
final class StorageSinks {
    private StorageSinks() {
    }

    static ObjectSink of(RecorderConfig config, Path spool) {
        return null;
    }
}
