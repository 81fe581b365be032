package dev.castmesh.controlplane.recording;

import dev.castmesh.controlplane.testing.TestControlPlane;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What {@link RecordingIndex} promises, on every database; subclasses choose the database. */
abstract class RecordingIndexContract {
    private TestControlPlane app;
    private RecordingIndex index;

    abstract TestControlPlane.Db db();

    @BeforeEach
    void setUp() {
        app = TestControlPlane.shared(db());
        app.reset();
        index = app.bean(RecordingIndex.class);
    }

    private static RecordingUpsert row(String stream, int year, int month, int day, String mpdPath) {
        return new RecordingUpsert(stream, year, month, day, mpdPath);
    }

    private static RecordingUpsert row(String stream, LocalDate date) {
        return row(stream, date.getYear(), date.getMonthValue(), date.getDayOfMonth(), stream + "/" + date + "/manifest.mpd");
    }

    private Recording only(String stream) {
        RecordingPage page = index.list(stream, null, null, 0, 100);
        assertEquals(1, page.total());
        return page.items().get(0);
    }

    @Test
    void upsertKeepsIdAndCreatedAtAndChangesPathAndUpdatedAt() {
        Recording first = index.upsert(row("cam", 2026, 11, 20, "cam/a.mpd"));
        assertEquals("cam/a.mpd", first.mpdPath());
        assertEquals(first.createdAt(), first.updatedAt());
        assertEquals(Instant.parse("2026-11-20T08:00:00.123Z"), first.createdAt());

        app.clock.advance(Duration.ofMinutes(5));
        Recording second = index.upsert(row("cam", 2026, 11, 20, "cam/b.mpd"));

        assertEquals(first.id(), second.id());
        assertEquals(first.createdAt(), second.createdAt());
        assertEquals("cam/b.mpd", second.mpdPath());
        assertEquals(Instant.parse("2026-11-20T08:05:00.123Z"), second.updatedAt());
        assertEquals(second, only("cam"));
    }

    @Test
    void timestampsRoundTripExactlyAtMillisecondPrecision() {
        List<Instant> instants = List.of(Instant.parse("2026-03-29T01:30:00.999999999Z"), Instant.parse("1970-01-01T00:00:00.001Z"),
                Instant.parse("2099-12-31T23:59:59.5Z"), Instant.parse("2026-11-20T12:00:00Z"));
        for (int i = 0; i < instants.size(); i++) {
            app.clock.set(instants.get(i));
            Recording written = index.upsert(row("t" + i, 2026, 1, 1, "t.mpd"));
            Instant expected = instants.get(i).truncatedTo(ChronoUnit.MILLIS);
            assertEquals(expected, written.createdAt());
            Recording read = only("t" + i);
            assertEquals(expected, read.createdAt());
            assertEquals(expected, read.updatedAt());
        }
    }

    @Test
    void upsertAnswersRowsInRequestOrderAndLastDuplicateWins() {
        List<Recording> stored = index.upsert(List.of(row("b", 2026, 1, 2, "b2"), row("a", 2026, 1, 1, "a1"),
                row("b", 2026, 1, 2, "b2-again")));
        assertEquals(List.of("b", "a", "b"), stored.stream().map(Recording::stream).toList());
        assertEquals(stored.get(0).id(), stored.get(2).id());
        assertEquals("b2-again", only("b").mpdPath());
    }

    @Test
    void invalidBatchWritesNothing() {
        assertThrows(IllegalArgumentException.class, () -> index.upsert(List.of(row("ok", 2026, 1, 1, "p"),
                row("bad", 2026, 2, 30, "p"))));
        assertEquals(List.of(), index.streams());
    }

    @Test
    void streamsAreDistinctAndSorted() {
        index.upsert(List.of(row("zeta", 2026, 1, 1, "p"), row("alpha", 2026, 1, 1, "p"), row("alpha", 2026, 1, 2, "p"),
                row("mid", 2025, 12, 31, "p")));
        assertEquals(List.of("alpha", "mid", "zeta"), index.streams());
    }

    @Test
    void listsNewestFirstAcrossDaysMonthsAndYears() {
        List<LocalDate> dates = List.of(LocalDate.of(2025, 12, 31), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 10),
                LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 9), LocalDate.of(2024, 2, 29));
        dates.forEach(date -> index.upsert(row("cam", date)));
        index.upsert(row("other", LocalDate.of(2026, 1, 5)));

        List<LocalDate> listed = index.list("cam", null, null, 0, 100).items().stream()
                .map(r -> LocalDate.of(r.year(), r.month(), r.day())).toList();
        List<LocalDate> expected = new ArrayList<>(dates);
        expected.sort(Collections.reverseOrder());
        assertEquals(expected, listed);
    }

    @Test
    void dateRangeIsInclusiveAndOpenEnded() {
        for (int day = 1; day <= 10; day++) {
            index.upsert(row("cam", LocalDate.of(2026, 1, day)));
        }
        assertEquals(List.of(7, 6, 5, 4, 3), days(index.list("cam", LocalDate.of(2026, 1, 3), LocalDate.of(2026, 1, 7), 0, 100)));
        assertEquals(5, index.list("cam", LocalDate.of(2026, 1, 3), LocalDate.of(2026, 1, 7), 0, 100).total());
        assertEquals(List.of(5), days(index.list("cam", LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 5), 0, 100)));
        assertEquals(List.of(10, 9), days(index.list("cam", LocalDate.of(2026, 1, 9), null, 0, 100)));
        assertEquals(List.of(2, 1), days(index.list("cam", null, LocalDate.of(2026, 1, 2), 0, 100)));
        assertEquals(List.of(), days(index.list("cam", LocalDate.of(2026, 2, 1), null, 0, 100)));
        assertEquals(List.of(10, 9, 8), days(index.list("cam", LocalDate.of(2025, 12, 1), null, 0, 3)));
    }

    @Test
    void pagesAreZeroBasedWithTotal() {
        for (int day = 1; day <= 25; day++) {
            index.upsert(row("cam", LocalDate.of(2026, 3, day)));
        }
        RecordingPage first = index.list("cam", null, null, 0, 10);
        assertEquals(25, first.total());
        assertEquals(List.of(25, 24, 23, 22, 21, 20, 19, 18, 17, 16), days(first));
        assertEquals(List.of(15, 14, 13, 12, 11, 10, 9, 8, 7, 6), days(index.list("cam", null, null, 1, 10)));
        RecordingPage last = index.list("cam", null, null, 2, 10);
        assertEquals(List.of(5, 4, 3, 2, 1), days(last));
        assertEquals(25, last.total());
        assertEquals(2, last.page());
        assertEquals(10, last.size());
        RecordingPage beyond = index.list("cam", null, null, 3, 10);
        assertEquals(List.of(), beyond.items());
        assertEquals(25, beyond.total());
    }

    @Test
    void listRefusesBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> index.list("cam", LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 1), 0, 10));
        assertThrows(IllegalArgumentException.class, () -> index.list("cam", null, null, -1, 10));
        assertThrows(IllegalArgumentException.class, () -> index.list("cam", null, null, 0, 101));
        assertThrows(IllegalArgumentException.class, () -> index.list("a/b", null, null, 0, 10));
    }

    /** 8 writers, 1,000 upserts of one (stream, day): no error (no SQLITE_BUSY, no duplicate key), one row. */
    @Test
    void concurrentUpsertsOfOneDayLeaveExactlyOneRow() throws Exception {
        int threads = 8;
        int perThread = 125;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Set<UUID>>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int writer = t;
                writers.add(() -> {
                    Set<UUID> ids = new HashSet<>();
                    for (int i = 0; i < perThread; i++) {
                        ids.add(index.upsert(row("race", 2026, 11, 20, "race/" + writer + "/" + i + ".mpd")).id());
                    }
                    return ids;
                });
            }
            long start = System.nanoTime();
            Set<UUID> ids = new HashSet<>();
            for (Future<Set<UUID>> result : pool.invokeAll(writers)) {
                ids.addAll(result.get());
            }
            System.out.printf("%s: %d concurrent upserts in %d ms%n", db(), threads * perThread,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            Recording row = only("race");
            assertEquals(Set.of(row.id()), ids);
            assertTrue(row.mpdPath().startsWith("race/"));
        } finally {
            pool.shutdownNow();
        }
    }

    /** Batches touching the same days in different orders must not deadlock each other (PostgreSQL row locks). */
    @Test
    void concurrentBatchesInDifferentOrdersDoNotDeadlock() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Void>> writers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int writer = t;
                writers.add(() -> {
                    for (int i = 0; i < 20; i++) {
                        List<RecordingUpsert> batch = new ArrayList<>();
                        for (int day = 1; day <= 5; day++) {
                            batch.add(row("batch", 2026, 4, day, "w" + writer + "/" + i));
                        }
                        if ((writer + i) % 2 == 0) {
                            Collections.reverse(batch);
                        }
                        index.upsert(batch);
                    }
                    return null;
                });
            }
            for (Future<Void> result : pool.invokeAll(writers)) {
                result.get();
            }
            assertEquals(5, index.list("batch", null, null, 0, 100).total());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void timeComesFromTheInjectedClock() {
        app.clock.set(Instant.parse("2001-01-01T00:00:00Z"));
        Recording written = index.upsert(row("old", 2026, 1, 1, "p"));
        assertEquals(Instant.parse("2001-01-01T00:00:00Z"), written.createdAt());
        assertEquals(written, only("old"));
    }

    private static List<Integer> days(RecordingPage page) {
        return page.items().stream().map(Recording::day).toList();
    }
}
