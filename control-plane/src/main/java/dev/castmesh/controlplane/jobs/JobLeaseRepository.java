package dev.castmesh.controlplane.jobs;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;

/** SQL of the job leases, in the subset SQLite and PostgreSQL share (see RecordingRepository). */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface JobLeaseRepository extends GenericRepository<JobLease, String> {

    /** Takes the lease if it is new or expired at {@code now}: one statement, so two instances cannot both. @return 1 if taken */
    @Query("""
            INSERT INTO job_leases (name, holder, lease_until) VALUES (:name, :holder, :until)
            ON CONFLICT (name) DO UPDATE SET holder = :holder, lease_until = :until
            WHERE job_leases.lease_until <= :now""")
    int take(String name, String holder, Instant now, Instant until);
}
