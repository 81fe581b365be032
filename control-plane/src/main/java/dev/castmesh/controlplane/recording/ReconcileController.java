package dev.castmesh.controlplane.recording;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * {@code POST /api/recordings/reconcile} (admin): rebuilds the recordings index from {@code [recorder.storage]}. Every
 * day manifest in storage ({@link StoredManifests}) is upserted, so a new or restored database, or a storage root
 * whose rows never reached this control plane, learns every recording that exists; rows already there are
 * unchanged. Answers {@code {"scanned": objects listed, "manifests": rows upserted}}; storage down: 503. The same
 * runs periodically ({@link PeriodicReconcile}).
 */
@Controller("/api/recordings/reconcile")
@ExecuteOn(TaskExecutors.BLOCKING)
final class ReconcileController {
    private final IndexReconciler reconciler;

    ReconcileController(IndexReconciler reconciler) {
        this.reconciler = reconciler;
    }

    @Post
    IndexReconciler.Reconciled reconcile() {
        return reconciler.run();
    }
}
