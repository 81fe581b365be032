package dev.castmesh.controlplane.recording;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * SQL for the recordings index. Micronaut Data has no SQLite dialect; every statement here is written in the
 * subset SQLite and PostgreSQL share (including {@code ON CONFLICT … DO UPDATE}). Dates are compared as
 * {@code yyyymmdd} integers.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface RecordingRepository extends GenericRepository<Recording, UUID> {

    /** Inserts, or on an existing {@code (stream, year, month, day)} changes only mpd_path and updated_at. */
    @Query("""
            INSERT INTO recordings (id, stream, year, month, day, mpd_path, created_at, updated_at)
            VALUES (:id, :stream, :year, :month, :day, :mpdPath, :now, :now)
            ON CONFLICT (stream, year, month, day)
            DO UPDATE SET mpd_path = excluded.mpd_path, updated_at = excluded.updated_at""")
    void upsert(UUID id, String stream, int year, int month, int day, String mpdPath, Instant now);

    Optional<Recording> findByStreamAndYearAndMonthAndDay(String stream, int year, int month, int day);

    @Query("SELECT DISTINCT stream FROM recordings ORDER BY stream")
    List<String> findStreams();

    @Query("""
            SELECT * FROM recordings
            WHERE stream = :stream AND year * 10000 + month * 100 + day BETWEEN :from AND :to
            ORDER BY year DESC, month DESC, day DESC
            LIMIT :limit OFFSET :offset""")
    List<Recording> findNewestFirst(String stream, int from, int to, int limit, long offset);

    @Query("""
            SELECT COUNT(*) FROM recordings
            WHERE stream = :stream AND year * 10000 + month * 100 + day BETWEEN :from AND :to""")
    long countBetween(String stream, int from, int to);
}
