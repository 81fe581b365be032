package dev.castmesh.controlplane.events;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;

/** SQL of the event log, in the subset SQLite and PostgreSQL share. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface EventRepository extends GenericRepository<EventRow, Long> {

    @Query("INSERT INTO events (type, occurred_at, node, stream, session, data)"
            + " VALUES (:type, :occurredAt, :node, :stream, :session, :data)")
    int append(String type, Instant occurredAt, @Nullable String node, @Nullable String stream, @Nullable String session,
               String data);

    @Query("SELECT * FROM events WHERE id > :after ORDER BY id LIMIT :limit")
    List<EventRow> after(long after, int limit);

    @Query("SELECT COALESCE(MAX(id), 0) FROM events")
    long lastId();
}
