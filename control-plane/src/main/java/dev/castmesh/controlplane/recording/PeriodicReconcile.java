package dev.castmesh.controlplane.recording;

import dev.castmesh.controlplane.config.ControlPlaneConfig;
import dev.castmesh.controlplane.jobs.JobLeases;
import dev.castmesh.server.threads.Timers;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code [recorder] reconcile_interval}: the index is reconciled with storage ({@link IndexReconciler}) once per interval
 * in the whole cluster, by whichever control plane takes the job's lease ({@link JobLeases}); every instance asks
 * every {@link #TICK} (the first time {@link #TICK} after start, so a restored database soon learns every recording).
 * Off with 0.
 */
@Context
final class PeriodicReconcile {
    static final String JOB = "recordings-reconcile";
    private static final Duration TICK = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(PeriodicReconcile.class);

    private final IndexReconciler reconciler;
    private final JobLeases leases;
    private final Duration interval;
    private final ScheduledExecutorService timer = Timers.daemon("castmesh-reconcile");

    PeriodicReconcile(IndexReconciler reconciler, JobLeases leases, ControlPlaneConfig config) {
        this.reconciler = reconciler;
        this.leases = leases;
        this.interval = config.recorder().reconcileInterval();
        if (!interval.isZero()) {
            long tick = Math.min(TICK.toMillis(), interval.toMillis());
            timer.scheduleWithFixedDelay(this::tick, TICK.toMillis(), tick, TimeUnit.MILLISECONDS);
        }
    }

    /** @return true when this instance took this interval's lease and ran the reconcile */
    boolean tick() {
        try {
            if (!leases.tryAcquire(JOB, interval)) {
                return false;
            }
            reconciler.run();
        } catch (StorageUnavailableException e) {
            LOG.warn("periodic reconcile skipped: the recordings storage cannot be listed; next interval");
        } catch (RuntimeException e) {
            LOG.warn("periodic reconcile failed: {}", e.toString());
            return false;
        }
        return true;
    }

    @PreDestroy
    void close() {
        timer.shutdownNow();
    }
}
