package dev.castmesh.controlplane.jobs;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Runs a periodic job once in a cluster: every control plane of the cluster shares the database, and only the one that
 * takes the job's expired lease runs it, for one period. (An instance that dies mid-run loses nothing: the next period
 * runs it again.)
 */
@Singleton
public final class JobLeases {
    private final String holder = UUID.randomUUID().toString();
    private final JobLeaseRepository repository;
    private final Clock clock;

    JobLeases(JobLeaseRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** Takes the lease of {@code job} for {@code period} unless another instance (or this one) holds it. */
    public boolean tryAcquire(String job, Duration period) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS); // what SQLite keeps
        return repository.take(job, holder, now, now.plus(period)) == 1;
    }
}
