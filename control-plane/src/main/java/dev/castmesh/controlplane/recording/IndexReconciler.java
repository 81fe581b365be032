package dev.castmesh.controlplane.recording;

import dev.castmesh.storage.ObjectInfo;
import dev.castmesh.storage.ObjectStore;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Rebuilds the recordings index from {@code [recorder.storage]}: every day manifest in storage ({@link StoredManifests})
 * is upserted; rows already there are unchanged. Storage that cannot be listed: {@link StorageUnavailableException}.
 */
@Singleton
final class IndexReconciler {
    private static final Logger LOG = LoggerFactory.getLogger(IndexReconciler.class);

    /** @param scanned objects listed in storage; manifests: day manifests upserted as index rows */
    record Reconciled(int scanned, int manifests) {
    }

    private final RecordingIndex index;
    private final ObjectStore storage;

    IndexReconciler(RecordingIndex index, ObjectStore storage) {
        this.index = index;
        this.storage = storage;
    }

    Reconciled run() {
        List<ObjectInfo> objects;
        try {
            objects = storage.list("");
        } catch (IOException e) {
            LOG.atWarn().addKeyValue("storage", storage.describe()).log("cannot list the recordings storage: {}", e.getMessage());
            throw new StorageUnavailableException();
        }
        List<RecordingUpsert> rows = new ArrayList<>();
        for (ObjectInfo object : objects) {
            StoredManifests.row(object.key()).ifPresent(rows::add);
        }
        for (int from = 0; from < rows.size(); from += RecordingIndex.MAX_BATCH) {
            index.upsert(rows.subList(from, Math.min(rows.size(), from + RecordingIndex.MAX_BATCH)));
        }
        LOG.atInfo().addKeyValue("scanned", objects.size()).addKeyValue("manifests", rows.size())
                .log("recordings index reconciled with storage");
        return new Reconciled(objects.size(), rows.size());
    }
}
