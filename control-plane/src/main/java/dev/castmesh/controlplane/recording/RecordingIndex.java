package dev.castmesh.controlplane.recording;

import dev.castmesh.api.StreamName;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The recordings index: which stream has a DASH manifest for which day. Rows are upserted by
 * {@code (stream, year, month, day)}: a new manifest path changes {@code mpd_path} and {@code updated_at},
 * never {@code id} or {@code created_at}.
 *
 * <p>Time comes from the injected {@link Clock} and is truncated to milliseconds, the precision SQLite keeps
 * (epoch milliseconds), so both databases give back exactly what was written.
 */
@Singleton
public class RecordingIndex {
    /** Largest accepted batch for {@link #upsert(List)}. */
    public static final int MAX_BATCH = 1000;
    /** Largest page size for {@link #list}. */
    public static final int MAX_PAGE_SIZE = 100;
    private static final Comparator<RecordingUpsert> KEY_ORDER = Comparator.comparing(RecordingUpsert::stream)
            .thenComparing(RecordingUpsert::date);

    private final RecordingRepository repository;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    RecordingIndex(RecordingRepository repository, TransactionOperations<Connection> transactions, Clock clock) {
        this.repository = repository;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Upserts a batch in one transaction and answers the stored rows in the order given.
     *
     * @throws IllegalArgumentException if a row is invalid (nothing is written then)
     */
    public List<Recording> upsert(List<RecordingUpsert> rows) {
        if (rows.size() > MAX_BATCH) {
            throw new IllegalArgumentException("at most " + MAX_BATCH + " recordings per request, got " + rows.size());
        }
        rows.forEach(RecordingUpsert::validate);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        // Writes go in key order, so concurrent batches on PostgreSQL lock rows in the same order (no deadlock).
        // On SQLite the first statement of the transaction is a write: the busy timeout then applies to the lock.
        List<RecordingUpsert> ordered = rows.stream().sorted(KEY_ORDER).toList();
        return transactions.executeWrite(status -> {
            for (RecordingUpsert row : ordered) {
                repository.upsert(UUID.randomUUID(), row.stream(), row.year(), row.month(), row.day(), row.mpdPath(), now);
            }
            List<Recording> stored = new ArrayList<>(rows.size());
            for (RecordingUpsert row : rows) {
                stored.add(repository.findByStreamAndYearAndMonthAndDay(row.stream(), row.year(), row.month(), row.day())
                        .orElseThrow(() -> new IllegalStateException("upserted recording not found")));
            }
            return stored;
        });
    }

    /** Upserts one row. */
    public Recording upsert(RecordingUpsert row) {
        return upsert(List.of(row)).get(0);
    }

    /** Names of the streams that have at least one recording, sorted. */
    public List<String> streams() {
        return repository.findStreams();
    }

    /**
     * A stream's recordings, newest day first.
     *
     * @param from first day, inclusive, or null for no lower bound
     * @param to   last day, inclusive, or null for no upper bound
     * @param page 0-based page number
     * @param size rows per page, 1 to {@value #MAX_PAGE_SIZE}
     */
    public RecordingPage list(String stream, LocalDate from, LocalDate to, int page, int size) {
        StreamName.validate(stream);
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from must not be after to");
        }
        if (page < 0) {
            throw new IllegalArgumentException("page must not be negative");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_PAGE_SIZE);
        }
        int fromKey = from == null ? 0 : key(from);
        int toKey = to == null ? 99_999_999 : key(to);
        List<Recording> items = repository.findNewestFirst(stream, fromKey, toKey, size, (long) page * size);
        return new RecordingPage(items, repository.countBetween(stream, fromKey, toKey), page, size);
    }

    private static int key(LocalDate date) {
        return date.getYear() * 10_000 + date.getMonthValue() * 100 + date.getDayOfMonth();
    }
}
