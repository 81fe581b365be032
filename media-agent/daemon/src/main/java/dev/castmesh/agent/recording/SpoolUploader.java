package dev.castmesh.agent.recording;

import dev.castmesh.agent.retry.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Copies the spool to storage, one day directory at a time, on a small pool of its own (days in parallel, the passes
 * of one day one after the other). A day is synchronised when
 * the recorder reports a file (or on start-up, for every day left in the spool): read the manifest, upload every
 * media file the day's {@link UploadJournal} does not list (init segments first, then segments by number), then
 * the manifest bytes read at the start, so storage never holds a manifest that references a segment it lacks.
 * A failure leaves the journal as it is and retries the day with backoff (1 s doubling to 30 s): a storage
 * outage delays uploads and loses nothing. After upload, local media files are removed except each track's
 * highest segment and the manifest (the recorder continues the day's numbering from them); a past UTC day that
 * no recording writes is removed entirely once all of it is stored. The first stored manifest of a day puts the
 * day into the {@link IndexOutbox}.
 *
 * <p>With no sink (fs storage whose root is the spool) nothing is copied or removed; days are only indexed.
 */
final class SpoolUploader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SpoolUploader.class);
    /** Days upload in parallel on this many threads; the passes of one day never overlap. */
    private static final int THREADS = 4;
    private static final AtomicInteger THREAD_SERIALS = new AtomicInteger();

    private final Path root;
    private final ObjectSink sink;
    private final IndexOutbox outbox;
    private final BiPredicate<String, LocalDate> beingWritten;
    private final Clock clock;
    private final Backoff retry = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30),
            () -> ThreadLocalRandom.current().nextDouble());
    private final ScheduledExecutorService worker = Executors.newScheduledThreadPool(THREADS, r -> {
        Thread t = new Thread(r, "castmesh-upload-" + THREAD_SERIALS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });
    private final Map<Path, DayState> days = new ConcurrentHashMap<>();

    /** One day directory: its journal, and a lock so that only one upload pass (or adoption) runs on it at a time. */
    private static final class DayState {
        final SpoolDay day;
        final UploadJournal journal;
        final ReentrantLock lock = new ReentrantLock();
        /** A pass is submitted or scheduled and has not started; guarded by {@code this}. */
        boolean queued;
        /** Guarded by {@code this}. */
        boolean syncing;
        volatile int failures;

        DayState(SpoolDay day, UploadJournal journal) {
            this.day = day;
            this.journal = journal;
        }
    }

    /**
     * @param sink         the storage; null = the spool is the storage (nothing to copy)
     * @param beingWritten whether a running recording writes (stream, UTC day): such a day is never removed
     */
    SpoolUploader(Path root, ObjectSink sink, IndexOutbox outbox, BiPredicate<String, LocalDate> beingWritten, Clock clock) {
        this.root = root;
        this.sink = sink;
        this.outbox = outbox;
        this.beingWritten = beingWritten;
        this.clock = clock;
    }

    /** Queues every day directory found in the spool (what a previous run left unfinished). */
    void rescan() {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> dirs = Files.walk(root, 4)) {
            dirs.filter(Files::isDirectory).forEach(this::dirty);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot scan the recording spool " + root, e);
        }
    }

    /** A file of day directory {@code dayDir} changed: synchronise it soon. Any thread; cheap. */
    void dirty(Path dayDir) {
        SpoolDay.of(root, dayDir).ifPresent(this::queue);
    }

    /** Files of {@code stream} in the spool that storage does not have yet (manifest versions included). */
    long pending(String stream) {
        return pending(d -> d.stream().equals(stream));
    }

    /** Files of every stream in the spool that storage does not have yet. */
    long pendingAll() {
        return pending(d -> true);
    }

    private long pending(Predicate<SpoolDay> which) {
        long n = 0;
        for (DayState s : days.values()) {
            if (!which.test(s.day)) {
                continue;
            }
            try {
                n += s.day.mediaFiles().stream().filter(f -> !s.journal.isUploaded(f.relative())).count();
                if (Files.exists(s.day.manifest()) && !s.journal.hasManifest(sha256(Files.readAllBytes(s.day.manifest())))) {
                    n++;
                }
            } catch (IOException e) {
                // the day went away while we looked
            }
        }
        return n;
    }

    /**
     * Before a recording starts on {@code date}: if storage holds a manifest of that day that this spool did not write
     * (another agent recorded the stream earlier that day, or the spool was lost), brings it and each track's
     * highest stored segment into the spool, marked as stored, so that the recorder appends a Period and continues
     * the numbering instead of overwriting what is stored. Waits up to {@code timeout}; if storage cannot be read,
     * logs it and returns (the recording starts from the spool's own state).
     */
    void adoptStoredDay(String stream, LocalDate date, Duration timeout) {
        if (sink == null) {
            return;
        }
        Path dir = root.resolve(String.format(Locale.ROOT, "%s/%04d/%02d/%02d", stream, date.getYear(),
                date.getMonthValue(), date.getDayOfMonth()));
        Optional<SpoolDay> day = SpoolDay.of(root, dir);
        if (day.isEmpty()) {
            return;
        }
        try {
            worker.submit(() -> {
                adopt(day.get());
                return null;
            }).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            return;
        } catch (ExecutionException e) {
            LOG.warn("recording {}: cannot read {} from storage ({}); starting from the spool", stream,
                    day.get().manifestKey(), e.getCause().getMessage());
        } catch (TimeoutException e) {
            LOG.warn("recording {}: storage did not answer within {} s; starting from the spool", stream,
                    timeout.toSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Worker thread. */
    private void adopt(SpoolDay day) throws IOException {
        Optional<byte[]> stored = sink.get(day.manifestKey());
        if (stored.isEmpty()) {
            return;
        }
        Files.createDirectories(day.dir());
        DayState s = days.computeIfAbsent(day.dir(), d -> new DayState(day, UploadJournal.open(d)));
        s.lock.lock();
        try {
            StoredDay.adopt(sink, day, s.journal, stored.get());
        } finally {
            s.lock.unlock();
        }
    }

    /** Test and shutdown aid: whether every known day is synchronised. */
    boolean idle() {
        return days.values().stream().noneMatch(s -> {
            synchronized (s) {
                return s.queued || s.syncing || s.failures > 0;
            }
        });
    }

    private void queue(SpoolDay day) {
        DayState s;
        try {
            s = days.computeIfAbsent(day.dir(), d -> new DayState(day, UploadJournal.open(d)));
        } catch (UncheckedIOException e) {
            LOG.warn("recording upload of {}: {}", day.relative(), e.getMessage());
            return;
        }
        synchronized (s) {
            if (s.queued) {
                return; // a pass (or a backoff retry) is coming and will see this change too
            }
            s.queued = true;
        }
        try {
            worker.execute(() -> sync(s));
        } catch (RejectedExecutionException closed) {
            // shutting down: the next start's rescan uploads it
        }
    }

    private void sync(DayState s) {
        s.lock.lock();
        try {
            synchronized (s) {
                s.queued = false; // a change from now on queues another pass
                s.syncing = true;
            }
            trySync(s);
        } finally {
            synchronized (s) {
                s.syncing = false;
            }
            s.lock.unlock();
        }
    }

    private void trySync(DayState s) {
        SpoolDay day = s.day;
        try {
            if (!Files.isDirectory(day.dir())) {
                days.remove(day.dir());
                return;
            }
            byte[] manifest = Files.exists(day.manifest()) ? Files.readAllBytes(day.manifest()) : null;
            List<SpoolDay.MediaFile> files = day.mediaFiles();
            if (sink != null) {
                for (SpoolDay.MediaFile f : files) {
                    if (!s.journal.isUploaded(f.relative())) {
                        sink.put(day.key(f), f.path());
                        s.journal.fileUploaded(f.relative());
                    }
                }
            }
            if (manifest != null) {
                String hash = sha256(manifest);
                if (!s.journal.hasManifest(hash)) {
                    if (sink != null) {
                        sink.put(day.manifestKey(), manifest);
                    }
                    s.journal.manifestUploaded(hash);
                }
                if (!s.journal.indexed()) {
                    outbox.add(day.stream(), day.date(), day.manifestKey());
                    s.journal.markIndexed();
                }
            }
            if (s.failures > 0) {
                LOG.info("recording upload of {} resumed after {} failed attempt(s)", day.relative(), s.failures);
            }
            s.failures = 0;
            if (sink != null) {
                cleanUp(s, files, manifest);
            }
        } catch (IOException | RuntimeException e) {
            s.failures++;
            Duration wait = retry.after(s.failures);
            if (s.failures == 1 || s.failures % 10 == 0) {
                LOG.warn("recording upload of {} failed ({}); retrying in {} ms (attempt {})", day.relative(),
                        e.getMessage(), wait.toMillis(), s.failures);
            }
            synchronized (s) {
                s.queued = true;
            }
            try {
                worker.schedule(() -> sync(s), wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closed) {
                // shutting down: the next start's rescan retries it
            }
        }
    }

    private void cleanUp(DayState s, List<SpoolDay.MediaFile> files, byte[] manifest) throws IOException {
        SpoolDay day = s.day;
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        boolean allStored = files.stream().allMatch(f -> s.journal.isUploaded(f.relative()));
        if (day.date().isBefore(today) && allStored && manifest != null && !beingWritten.test(day.stream(), day.date())
                && s.journal.hasManifest(sha256(Files.readAllBytes(day.manifest())))) {
            deleteTree(day.dir());
            days.remove(day.dir());
            LOG.debug("recording spool: {} is stored, removed locally", day.relative());
            return;
        }
        for (SpoolDay.MediaFile f : SpoolDay.removable(files)) {
            if (s.journal.isUploaded(f.relative())) {
                Files.deleteIfExists(f.path());
            }
        }
    }

    private void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
        for (Path p = dir.getParent(); p != null && p.startsWith(root) && !p.equals(root); p = p.getParent()) {
            try (Stream<Path> rest = Files.list(p)) {
                if (rest.findAny().isPresent()) {
                    break;
                }
            }
            Files.deleteIfExists(p);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops the worker; what is not uploaded stays in the spool for the next start. */
    @Override
    public void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (sink != null) {
            sink.close();
        }
    }
}
