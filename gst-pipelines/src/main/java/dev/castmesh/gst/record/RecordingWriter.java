package dev.castmesh.gst.record;

import dev.castmesh.gst.sdp.MediaKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes one recording to disk: init and media segments into the UTC day's directory and that day's
 * manifest after each segment. Owns the day: a segment completed on a new UTC day finishes the old
 * day's manifest ({@code static}) and opens the new day's with a new period. A day that already has a
 * manifest (stop and restart) gets one more period; segment numbers continue after the highest number
 * on disk, so nothing is overwritten. Tracks share one timeline: each track's {@code tfdt} is moved by
 * the difference between its first running time and the recording's, so audio and video stay in sync.
 * Files appear atomically (written aside as {@code .part}, then renamed; a failed write removes its
 * {@code .part}, and opening a day removes those a crash left). A segment's number is taken only once it is
 * written, so a failed write leaves no gap in the numbering and the manifest lists exactly the files on disk.
 * Below the free-space floor ({@link RecordingOptions#minFreeBytes}) no segment is written any more
 * ({@link SpoolFullException}). Thread-safe (the tracks' muxer threads call it); the listener is called on
 * {@code notifier}.
 */
final class RecordingWriter {
    private static final Logger LOG = LoggerFactory.getLogger(RecordingWriter.class);
    private static final Pattern SEGMENT = Pattern.compile("seg-(\\d+)\\.m4s");
    private static final long NANOS = 1_000_000_000L;

    private final String stream;
    private final RecordingOptions options;
    private final RecordingListener listener;
    private final Executor notifier;
    private final Map<MediaKind, TrackInit> inits = new EnumMap<>(MediaKind.class);
    private final Map<MediaKind, Long> firstRunningTime = new EnumMap<>(MediaKind.class);
    private final Map<MediaKind, Long> shifts = new EnumMap<>(MediaKind.class);
    private Long baseRunningTime;
    private Day day;
    private long segments;
    private long bytes;
    private Duration recordedBefore = Duration.ZERO;
    private boolean finished;
    /** Why segments are refused (the spool fell below its floor), or null. */
    private String spoolFull;

    /** The open day: its earlier periods (from disk) and this recording's period. */
    private static final class Day {
        final LocalDate date;
        final Path dir;
        final List<ManifestPeriod> earlier;
        final String periodId;
        final Duration periodStart;
        final Map<MediaKind, Track> tracks = new EnumMap<>(MediaKind.class);
        final Map<MediaKind, Long> nextNumbers = new EnumMap<>(MediaKind.class);
        Instant wallStart;

        Day(LocalDate date, Path dir, List<ManifestPeriod> earlier) {
            this.date = date;
            this.dir = dir;
            this.earlier = earlier;
            this.periodId = "p" + earlier.size();
            this.periodStart = earlier.isEmpty() ? Duration.ZERO : earlier.get(earlier.size() - 1).end();
        }
    }

    /** One track of the open period. */
    private static final class Track {
        final TrackInit init;
        final String initName;
        final long startNumber;
        final List<TrackTimeline.Entry> entries = new ArrayList<>();
        long bytes;

        Track(TrackInit init, String initName, long startNumber) {
            this.init = init;
            this.initName = initName;
            this.startNumber = startNumber;
        }
    }

    RecordingWriter(String stream, RecordingOptions options, RecordingListener listener, Executor notifier) {
        DayLayout.requireValid(stream);
        this.stream = stream;
        this.options = options;
        this.listener = listener;
        this.notifier = notifier;
        this.day = openDay(today());
    }

    /** A track's init segment (once per track, before its first segment). */
    synchronized void init(MediaKind kind, TrackInit init) {
        if (finished) {
            return;
        }
        inits.put(kind, init);
        if (!day.tracks.containsKey(kind)) {
            addTrack(day, kind, init);
        }
    }

    /** The running time (ns) of the first buffer that entered a track's muxer (its {@code tfdt} 0). */
    synchronized void firstBuffer(MediaKind kind, long runningTimeNs) {
        if (firstRunningTime.putIfAbsent(kind, runningTimeNs) == null) {
            LOG.debug("recording {}: first {} buffer at {} ns", stream, kind.token(), runningTimeNs);
        }
    }

    /** A completed media segment of one track: written to the current UTC day, then the manifest. */
    synchronized void segment(MediaKind kind, Segment segment) {
        if (finished) {
            return;
        }
        LocalDate today = today();
        if (today.isAfter(day.date)) {
            rotate(today);
        }
        Track track = day.tracks.get(kind);
        if (track == null) {
            LOG.warn("recording {}: {} segment before its init segment, dropped", stream, kind.token());
            return;
        }
        long shift = shift(kind, track.init.timescale());
        long number = day.nextNumbers.get(kind);
        Path file = day.dir.resolve(kind.token()).resolve("seg-" + number + ".m4s");
        requireSpace(segment.size());
        List<byte[]> parts = segment.fragments().stream().map(f -> f.shifted(shift).bytes()).toList();
        write(file, parts);
        day.nextNumbers.put(kind, number + 1);
        long size = segment.size();
        track.entries.add(new TrackTimeline.Entry(segment.startTime() + shift, segment.duration()));
        track.bytes += size;
        segments++;
        bytes += size;
        if (day.wallStart == null) {
            day.wallStart = options.clock().instant().minusNanos(toNanos(segment.duration(), track.init.timescale()));
        }
        tell(() -> listener.onSegment(file));
        writeManifest(day, true);
    }

    /** The recording ended: the current day's manifest becomes static. Idempotent. */
    synchronized void finish() {
        if (finished) {
            return;
        }
        finished = true;
        writeManifest(day, false);
    }

    synchronized RecordingSnapshot snapshot(RecordingState state, Instant startedAt, Optional<Instant> endedAt,
                                            Optional<String> error) {
        return new RecordingSnapshot(stream, state, day.date, day.dir.resolve(DayLayout.MANIFEST),
                DayLayout.manifestPath(stream, day.date), day.periodId, segments, bytes,
                recordedBefore.plus(current(day).map(ManifestPeriod::length).orElse(Duration.ZERO)).toMillis(),
                startedAt, endedAt, error);
    }

    private void rotate(LocalDate today) {
        LOG.info("recording {}: UTC day {} ended, continuing in {}", stream, day.date, today);
        writeManifest(day, false);
        recordedBefore = recordedBefore.plus(current(day).map(ManifestPeriod::length).orElse(Duration.ZERO));
        day = openDay(today);
    }

    private Day openDay(LocalDate date) {
        Path dir = DayLayout.dayDirectory(options.root(), stream, date);
        removeLeftovers(dir);
        Day d = new Day(date, dir, existingPeriods(dir.resolve(DayLayout.MANIFEST)));
        for (MediaKind kind : MediaKind.values()) {
            d.nextNumbers.put(kind, highestNumber(dir.resolve(kind.token())) + 1);
        }
        inits.forEach((kind, init) -> addTrack(d, kind, init));
        return d;
    }

    private void addTrack(Day d, MediaKind kind, TrackInit init) {
        String name = kind.token() + "/init-" + d.periodId + ".mp4";
        Path file = d.dir.resolve(name);
        write(file, List.of(init.bytes()));
        bytes += init.bytes().length;
        d.tracks.put(kind, new Track(init, name, d.nextNumbers.get(kind)));
        tell(() -> listener.onSegment(file));
    }

    /** Earlier periods of a day; an unreadable manifest is moved aside, never overwritten. */
    private List<ManifestPeriod> existingPeriods(Path mpd) {
        if (!Files.exists(mpd)) {
            return List.of();
        }
        try {
            return MpdReader.periods(Files.readString(mpd));
        } catch (IOException | RuntimeException e) {
            Path aside = mpd.resolveSibling(DayLayout.MANIFEST + ".unreadable-" + options.clock().millis());
            LOG.warn("recording {}: cannot read {} ({}); moved to {}", stream, mpd, e.getMessage(), aside.getFileName());
            try {
                Files.move(mpd, aside);
            } catch (IOException moveFailed) {
                throw new UncheckedIOException("cannot move aside unreadable manifest " + mpd, moveFailed);
            }
            return List.of();
        }
    }

    /** Refuses a write of {@code size} bytes that would leave less than the floor free; once refused, always. */
    private void requireSpace(long size) {
        if (spoolFull != null) {
            throw new SpoolFullException(spoolFull);
        }
        if (options.minFreeBytes() == 0) {
            return;
        }
        long free;
        try {
            Files.createDirectories(day.dir);
            free = Files.getFileStore(day.dir).getUsableSpace();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the free space of " + day.dir, e);
        }
        if (free - size < options.minFreeBytes()) {
            spoolFull = "the spool has " + free / (1024 * 1024) + " MB free, under its floor of "
                    + options.minFreeBytes() / (1024 * 1024) + " MB ([recorder] min_free_mb)";
            throw new SpoolFullException(spoolFull);
        }
    }

    /** Removes the {@code .part} files an interrupted write (a crash) left in a day's track directories. */
    private void removeLeftovers(Path dir) {
        for (MediaKind kind : MediaKind.values()) {
            Path track = dir.resolve(kind.token());
            if (!Files.isDirectory(track)) {
                continue;
            }
            try (Stream<Path> files = Files.list(track)) {
                for (Path part : files.filter(p -> p.getFileName().toString().endsWith(".part")).toList()) {
                    Files.deleteIfExists(part);
                    LOG.info("recording {}: removed {} left by an interrupted write", stream, dir.relativize(part));
                }
            } catch (IOException e) {
                LOG.warn("recording {}: cannot clean {}: {}", stream, track, e.getMessage());
            }
        }
        Path mpdPart = dir.resolve(DayLayout.MANIFEST + ".part");
        try {
            Files.deleteIfExists(mpdPart);
        } catch (IOException e) {
            LOG.warn("recording {}: cannot remove {}: {}", stream, mpdPart, e.getMessage());
        }
    }

    private static long highestNumber(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> SEGMENT.matcher(p.getFileName().toString())).filter(Matcher::matches)
                    .mapToLong(m -> Long.parseLong(m.group(1))).max().orElse(0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** Ticks to add to a track's tfdt so that all tracks share the running-time base of the earliest one. */
    private long shift(MediaKind kind, long timescale) {
        Long known = shifts.get(kind);
        if (known != null) {
            return known;
        }
        if (baseRunningTime == null) {
            baseRunningTime = firstRunningTime.values().stream().min(Long::compare).orElse(0L);
        }
        long first = firstRunningTime.getOrDefault(kind, baseRunningTime);
        long s = toTicks(Math.max(0, first - baseRunningTime), timescale);
        shifts.put(kind, s);
        LOG.debug("recording {}: {} timeline moved by {} ticks of 1/{} s", stream, kind.token(), s, timescale);
        return s;
    }

    private void writeManifest(Day d, boolean dynamic) {
        List<ManifestPeriod> periods = new ArrayList<>(d.earlier);
        current(d).ifPresent(p -> periods.add(dynamic ? p : p.closed()));
        if (periods.isEmpty()) {
            return;
        }
        Instant now = options.clock().instant();
        Instant wallStart = d.wallStart == null ? now : d.wallStart;
        Manifest m = new Manifest(dynamic, wallStart.minus(d.periodStart), now, options.segmentTarget(),
                options.segmentTarget(), periods);
        Path mpd = d.dir.resolve(DayLayout.MANIFEST);
        write(mpd, List.of(MpdWriter.write(m).getBytes(StandardCharsets.UTF_8)));
        LocalDate date = d.date;
        tell(() -> listener.onManifest(mpd, date, !dynamic));
    }

    /** This recording's period of a day, if it has any segment. Its origin is the latest first segment start. */
    private Optional<ManifestPeriod> current(Day d) {
        long originNs = Long.MIN_VALUE;
        for (Track t : d.tracks.values()) {
            if (!t.entries.isEmpty()) {
                originNs = Math.max(originNs, toNanos(t.entries.get(0).t(), t.init.timescale()));
            }
        }
        if (originNs == Long.MIN_VALUE) {
            return Optional.empty();
        }
        List<TrackTimeline> timelines = new ArrayList<>();
        for (Map.Entry<MediaKind, Track> e : d.tracks.entrySet()) {
            Track t = e.getValue();
            if (t.entries.isEmpty()) {
                continue;
            }
            long ts = t.init.timescale();
            long ticks = t.entries.stream().mapToLong(TrackTimeline.Entry::d).sum();
            long bandwidth = ticks == 0 ? 0 : t.bytes * 8 * ts / ticks;
            String kind = e.getKey().token();
            timelines.add(new TrackTimeline(kind, t.init.mimeType(), t.init.codecs(), ts, toTicks(originNs, ts),
                    t.initName, kind + "/seg-$Number$.m4s", t.startNumber, t.init.width(), t.init.height(),
                    t.init.sampleRate(), t.init.channels(), bandwidth, t.entries));
        }
        return Optional.of(new ManifestPeriod(d.periodId, d.periodStart, Optional.empty(), timelines));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(options.clock().instant(), ZoneOffset.UTC);
    }

    private void tell(Runnable call) {
        notifier.execute(() -> {
            try {
                call.run();
            } catch (RuntimeException e) {
                LOG.warn("recording {}: listener failed", stream, e);
            }
        });
    }

    /** Writes {@code parts} to a temporary sibling, then renames it over {@code file}; a failure leaves no {@code .part}. */
    private static void write(Path file, List<byte[]> parts) {
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(tmp)) {
                for (byte[] p : parts) {
                    out.write(p);
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the next openDay removes it
            }
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static long toNanos(long ticks, long timescale) {
        return ticks / timescale * NANOS + (ticks % timescale) * NANOS / timescale;
    }

    static long toTicks(long nanos, long timescale) {
        return nanos / NANOS * timescale + (nanos % NANOS) * timescale / NANOS;
    }
}
