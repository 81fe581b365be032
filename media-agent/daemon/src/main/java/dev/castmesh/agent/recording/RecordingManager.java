package dev.castmesh.agent.recording;

import dev.castmesh.api.http.ErrorCode;
import dev.castmesh.agent.http.ApiException;
import dev.castmesh.agent.signaling.StreamNames;
import dev.castmesh.api.recording.RecordRequest;
import dev.castmesh.api.recording.RecordingInfo;
import dev.castmesh.gst.errors.StreamNotFoundException;
import dev.castmesh.gst.hub.MediaEngine;
import dev.castmesh.gst.record.DayLayout;
import dev.castmesh.gst.record.RecordingHandle;
import dev.castmesh.gst.record.RecordingListener;
import dev.castmesh.gst.record.RecordingOptions;
import dev.castmesh.gst.record.RecordingSnapshot;
import dev.castmesh.gst.record.RecordingState;
import dev.castmesh.gst.record.RecordingUnsupportedException;
import io.micronaut.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The agent's recordings: starts them on the media engine into the spool, feeds their files to the
 * {@link SpoolUploader}, stops them and describes them. Keeps the last recording of every stream it recorded (one
 * small record each) so that its state can still be read after it ended. Thread-safe.
 */
public final class RecordingManager {
    private static final Logger LOG = LoggerFactory.getLogger(RecordingManager.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(15);
    private static final Duration ADOPT_WAIT = Duration.ofSeconds(10);

    private final MediaEngine engine;
    private final Path spool;
    private final Duration defaultTarget;
    private final long minFreeBytes;
    private final String storageIdentity;
    /** The spool carries its storage binding ({@link SpoolBinding}); written before the first recording. */
    private volatile boolean bound;
    private final Clock clock;
    private final Map<String, Started> last = new ConcurrentHashMap<>();
    private volatile SpoolUploader uploader;

    private record Started(RecordingHandle handle, int segmentSeconds) {
        boolean running() {
            return !handle.finished().isDone();
        }
    }

    RecordingManager(MediaEngine engine, Path spool, String storageIdentity, Duration defaultTarget, long minFreeBytes,
                     Clock clock) {
        this.engine = engine;
        this.storageIdentity = storageIdentity;
        this.spool = spool;
        this.minFreeBytes = minFreeBytes;
        this.defaultTarget = defaultTarget;
        this.clock = clock;
    }

    void uploadTo(SpoolUploader value) {
        this.uploader = value;
    }

    /**
     * Starts recording a published stream.
     *
     * @throws StreamNotFoundException (404) if it has no publisher
     * @throws dev.castmesh.gst.record.RecordingActiveException (409) if it is already being recorded
     * @throws RecordingUnsupportedException (422) for VP8 publishes and names the recorder cannot store
     */
    public RecordingInfo start(String stream, RecordRequest request) {
        StreamNames.require(stream);
        if (!DayLayout.isValid(stream) || stream.startsWith(".")) {
            throw new RecordingUnsupportedException("stream '" + stream + "' cannot be recorded: recorded stream names"
                    + " use only A-Z a-z 0-9 . _ - and do not start with '.'");
        }
        request.validate();
        Duration target = request.segmentDuration() == null ? defaultTarget : Duration.ofSeconds(request.segmentDuration());
        if (engine.stream(stream).isEmpty()) {
            throw new StreamNotFoundException("stream '" + stream + "' has no publisher");
        }
        requireSpace(stream);
        if (!bound) {
            SpoolBinding.bind(spool, storageIdentity, clock);
            bound = true;
        }
        SpoolUploader u = uploader;
        if (u != null && !recording(stream)) {
            u.adoptStoredDay(stream, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), ADOPT_WAIT);
        }
        RecordingHandle handle = engine.startRecording(stream, new RecordingOptions(spool, target, clock, minFreeBytes), new Listener());
        last.put(stream, new Started(handle, (int) target.toSeconds()));
        handle.finished().whenComplete((s, e) -> dirty(s));
        return info(stream, handle, (int) target.toSeconds());
    }

    /** 507 {@code insufficient_storage} when the spool is already under {@code [recorder] min_free_mb}. */
    private void requireSpace(String stream) {
        if (minFreeBytes == 0 || recording(stream)) {
            return;
        }
        long free;
        try {
            Files.createDirectories(spool);
            free = Files.getFileStore(spool).getUsableSpace();
        } catch (IOException e) {
            throw new ApiException(HttpStatus.INSUFFICIENT_STORAGE, ErrorCode.INSUFFICIENT_STORAGE,
                    "cannot read the free space of the recording spool");
        }
        if (free < minFreeBytes) {
            throw new ApiException(HttpStatus.INSUFFICIENT_STORAGE, ErrorCode.INSUFFICIENT_STORAGE,
                    "the recording spool has "
                    + free / (1024 * 1024) + " MB free, under its floor of " + minFreeBytes / (1024 * 1024)
                    + " MB ([recorder] min_free_mb)");
        }
    }

    /** Stops the running recording and waits for its last segment and static manifest. */
    public RecordingInfo stop(String stream) {
        StreamNames.require(stream);
        Started s = last.get(stream);
        if (s == null || !s.running()) {
            throw new ApiException(HttpStatus.NOT_FOUND, ErrorCode.NOT_RECORDING,
                    "stream '" + stream + "' is not being recorded");
        }
        try {
            s.handle().stop().get(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            LOG.warn("recording {}: did not finish within {} s of the stop request", stream, STOP_WAIT.toSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return info(stream, s.handle(), s.segmentSeconds());
    }

    /** The current or last recording of a stream; a published stream never recorded is "not recording". */
    public RecordingInfo info(String stream) {
        StreamNames.require(stream);
        Started s = last.get(stream);
        if (s != null) {
            return info(stream, s.handle(), s.segmentSeconds());
        }
        if (engine.stream(stream).isEmpty()) {
            throw new StreamNotFoundException("stream '" + stream + "' has no publisher and was not recorded");
        }
        return new RecordingInfo(stream, false, null, null, null, null, 0, 0, 0, null, pending(stream), null);
    }

    /** The current or last recording of a stream since the agent started; empty if it was never recorded. */
    public java.util.Optional<RecordingInfo> last(String stream) {
        Started s = last.get(stream);
        return s == null ? java.util.Optional.empty() : java.util.Optional.of(info(stream, s.handle(), s.segmentSeconds()));
    }

    /** Whether a running recording writes (stream, day): the uploader must keep that day's files. */
    boolean writes(String stream, LocalDate day) {
        Started s = last.get(stream);
        return s != null && s.running() && s.handle().snapshot().day().equals(day);
    }

    /** Recordings running now. */
    long active() {
        return last.values().stream().filter(Started::running).count();
    }

    /** Whether the stream is being recorded now. */
    public boolean recording(String stream) {
        Started s = last.get(stream);
        return s != null && s.running();
    }

    private RecordingInfo info(String stream, RecordingHandle handle, int segmentSeconds) {
        RecordingSnapshot s = handle.snapshot();
        boolean running = s.state().compareTo(RecordingState.STOPPING) <= 0;
        return new RecordingInfo(stream, running, s.state().name(), s.startedAt(), s.endedAt().orElse(null),
                segmentSeconds, s.segments(), s.bytes(), s.recordedMillis(), s.manifestPath(), pending(stream),
                s.error().orElse(null));
    }

    private long pending(String stream) {
        SpoolUploader u = uploader;
        return u == null ? 0 : u.pending(stream);
    }

    private void dirty(RecordingSnapshot s) {
        if (s != null && uploader != null) {
            uploader.dirty(s.manifest().getParent());
        }
    }

    /** Hands the recorder's files to the uploader (on the recording's own notifier thread). */
    private final class Listener implements RecordingListener {
        @Override
        public void onSegment(Path file) {
            SpoolUploader u = uploader;
            if (u != null) {
                u.dirty(file.getParent().getParent());
            }
        }

        @Override
        public void onManifest(Path mpd, LocalDate day, boolean finished) {
            SpoolUploader u = uploader;
            if (u != null) {
                u.dirty(mpd.getParent());
            }
        }
    }
}
