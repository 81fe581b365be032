package dev.castmesh.controlplane.recording;

import dev.castmesh.storage.ObjectInfo;
import dev.castmesh.storage.ObjectStore;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /api/recordings/reconcile} (admin): rebuilds the recordings index from {@code [recorder.storage]}. Every
 * day manifest in storage ({@link StoredManifests}) is upserted, so a new or restored database, or a storage root
 * whose rows never reached this control plane, learns every recording that exists; rows already there are
 * unchanged. Answers {@code {"scanned": objects listed, "manifests": rows upserted}}; storage down: 503.
 */
@Controller("/api/recordings/reconcile")
@ExecuteOn(TaskExecutors.BLOCKING)
final class ReconcileController {
    private static final Logger LOG = LoggerFactory.getLogger(ReconcileController.class);

    /** @param scanned objects listed in storage; manifests: day manifests upserted as index rows */
    record Reconciled(int scanned, int manifests) {
    }

    private final RecordingIndex index;
    private final ObjectStore storage;

    ReconcileController(RecordingIndex index, ObjectStore storage) {
        this.index = index;
        this.storage = storage;
    }

    @Post
    Reconciled reconcile() {
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
