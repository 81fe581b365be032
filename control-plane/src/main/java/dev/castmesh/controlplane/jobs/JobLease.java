package dev.castmesh.controlplane.jobs;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** One row of {@code job_leases} (V8). */
@MappedEntity("job_leases")
record JobLease(@Id String name, String holder, Instant leaseUntil) {
}
