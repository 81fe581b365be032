package dev.castmesh.gst.record;

import dev.castmesh.gst.runtime.Elements;
import dev.castmesh.gst.runtime.GstRuntime;
import dev.castmesh.gst.runtime.SerialExecutor;
import dev.castmesh.gst.sdp.Codec;
import dev.castmesh.gst.sdp.MediaKind;
import dev.castmesh.gst.sdp.PublisherTrack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Records one live stream as MPEG-DASH (fragmented MP4) from its raw RTP tees: one {@link TrackBranch}
 * per track, a {@link RecordingWriter} for files and manifests, and key frame requests paced at the
 * segment target so that segments start on key frames.
 *
 * <p><b>Codecs.</b> H.264 is stored as sent (no transcoding, {@code avc1}). Opus is kept as Opus in MP4
 * ({@code Opus}/{@code dOps}, codecs {@code opus}): Chrome, Firefox and Edge play Opus in fragmented
 * MP4 through MSE, ffmpeg reads it, and keeping it costs no CPU where AAC would need a decoder and an
 * encoder per stream (Safari before 17 cannot play it: a known limit). <b>VP8 is refused</b> with a
 * {@link RecordingUnsupportedException} ("publish H.264 to record"): mp4mux has no VP8 on GStreamer
 * 1.22, and WebM DASH would need a second segmenter (EBML clusters) and a second MPD flavour for one
 * codec browsers publish only when asked; VP8 publishers can switch to H.264, which every browser sends.
 *
 * <p><b>Threads.</b> Built and torn down on the stream's executor ({@link RecordingTap#owner()});
 * segments are written on the muxers' streaming threads (behind the branch queues); the listener runs
 * on a serial executor of the engine's pool. {@link #stop()} sends EOS through the branch only and
 * finishes the last segments and the static MPD; the stream calls {@link #endWithStream()} before it
 * stops its pipeline, so a departing publisher leaves a finished recording.
 */
public final class Recorder implements RecordingHandle {
    private static final Logger LOG = LoggerFactory.getLogger(Recorder.class);
    private static final AtomicInteger SERIALS = new AtomicInteger();
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);
    private static final Duration END_WAIT = Duration.ofSeconds(3);
    private static final Duration PACE_TICK = Duration.ofMillis(100);
    /** Request round trip: stream tick (≤ 250 ms) + PLI + encoder. */
    private static final Duration KEYFRAME_LEAD = Duration.ofMillis(250);

    private final RecordingTap tap;
    private final RecordingListener listener;
    private final RecordingWriter writer;
    private final SerialExecutor notifier;
    private final String prefix;
    private final List<TrackBranch> branches = new ArrayList<>();
    private final KeyframePacer pacer;
    private final Instant startedAt;
    private final CompletableFuture<RecordingSnapshot> finished = new CompletableFuture<>();
    private final TrackBranch.Output output = new BranchOutput();
    private ScheduledFuture<?> pacing;
    private volatile RecordingState state = RecordingState.STARTING;
    private volatile String error;
    /** A segment was refused for lack of space: the recording stops as {@link RecordingState#OUT_OF_SPACE}. */
    private volatile boolean outOfSpace;
    private volatile Instant endedAt;
    /** Owner executor only. */
    private boolean stopping;
    private boolean disposed;

    private Recorder(RecordingTap tap, RecordingOptions options, RecordingListener listener) {
        this.tap = tap;
        this.listener = listener;
        this.notifier = new SerialExecutor("recording " + tap.stream(), tap.pool());
        this.writer = new RecordingWriter(tap.stream(), options, listener, notifier);
        this.prefix = "record-" + SERIALS.incrementAndGet();
        this.pacer = new KeyframePacer(options.segmentTarget(), KEYFRAME_LEAD);
        this.startedAt = options.clock().instant();
    }

    /**
     * On the stream's executor: attaches the recording branches to the tees.
     *
     * @throws RecordingUnsupportedException for VP8 publishes and streams without tracks
     */
    public static Recorder start(RecordingTap tap, RecordingOptions options, RecordingListener listener) {
        requireRecordable(tap.stream(), tap.tracks());
        GstRuntime.requireElements("mp4mux", "h264parse", "opusparse", "appsink", "rtph264depay", "rtpopusdepay");
        Recorder r = new Recorder(tap, options, listener);
        try {
            for (PublisherTrack t : tap.tracks()) {
                r.branches.add(TrackBranch.attach(tap.bin(), tap.tees().apply(t.kind()), t,
                        r.prefix + "-" + t.kind().token(), options.segmentTarget(), r.output));
            }
        } catch (RuntimeException e) {
            r.error = "cannot build the recording branch";
            r.teardown();
            throw e;
        }
        if (tap.tracks().stream().anyMatch(t -> t.kind() == MediaKind.VIDEO)) {
            r.pacing = tap.scheduler().scheduleAtFixedRate(r::pace, 0, PACE_TICK.toMillis(), TimeUnit.MILLISECONDS);
        }
        LOG.info("recording {}: started ({}), target {} s", tap.stream(), r.prefix, options.segmentTarget().toSeconds());
        return r;
    }

    /** Whether these tracks can be recorded; throws the reason otherwise. */
    static void requireRecordable(String stream, List<PublisherTrack> tracks) {
        for (PublisherTrack t : tracks) {
            if (t.codec() == Codec.VP8) {
                throw new RecordingUnsupportedException("stream '" + stream + "' publishes VP8, which cannot be recorded"
                        + " (the DASH recorder writes fragmented MP4, which has no VP8 here): publish H.264 to record");
            }
        }
        if (tracks.isEmpty()) {
            throw new RecordingUnsupportedException("stream '" + stream + "' has no audio or video track to record");
        }
    }

    @Override
    public String stream() {
        return tap.stream();
    }

    @Override
    public RecordingSnapshot snapshot() {
        return writer.snapshot(state, startedAt, Optional.ofNullable(endedAt), Optional.ofNullable(error));
    }

    @Override
    public CompletableFuture<RecordingSnapshot> stop() {
        tap.owner().execute(() -> {
            if (stopping || disposed) {
                return;
            }
            sendEos();
            CompletableFuture.allOf(branches.stream().map(TrackBranch::ended).toArray(CompletableFuture[]::new))
                    .orTimeout(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)
                    .whenComplete((v, e) -> tap.owner().execute(() -> {
                        if (e != null && error == null) {
                            error = "the recording branch did not finish within " + STOP_WAIT.toSeconds() + " s";
                        }
                        teardown();
                    }));
        });
        return finished;
    }

    @Override
    public CompletableFuture<RecordingSnapshot> finished() {
        return finished;
    }

    /** Whether a pipeline element (by top-level name) belongs to this recording. */
    public boolean owns(String elementName) {
        return elementName.startsWith(prefix + "-");
    }

    /** On the stream's executor: an element of this recording failed; ends the recording, not the stream. */
    public void onError(String element, String message) {
        LOG.warn("recording {}: error in {}: {}", tap.stream(), element, message);
        if (error == null) {
            error = "recording failed: " + message;
        }
        teardown();
    }

    /**
     * On the stream's executor, before the stream stops its pipeline: EOS through the branches, waits a
     * few seconds for the last segments, writes the static MPD and removes the branch.
     */
    public void endWithStream() {
        if (disposed) {
            return;
        }
        sendEos();
        try {
            CompletableFuture.allOf(branches.stream().map(TrackBranch::ended).toArray(CompletableFuture[]::new))
                    .get(END_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            error = "the recording branch did not finish within " + END_WAIT.toSeconds() + " s";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        teardown();
    }

    private void sendEos() {
        stopping = true;
        state = RecordingState.STOPPING;
        for (TrackBranch b : branches) {
            b.finish();
        }
    }

    /** Owner executor: finishes the manifest, removes the branches, completes {@link #finished}. Idempotent. */
    private void teardown() {
        if (disposed) {
            return;
        }
        disposed = true;
        if (pacing != null) {
            pacing.cancel(false);
        }
        Elements.guard("finish manifest", writer::finish);
        for (TrackBranch b : branches) {
            b.dispose(tap.bin());
        }
        endedAt = Instant.now();
        state = outOfSpace ? RecordingState.OUT_OF_SPACE : error == null ? RecordingState.FINISHED : RecordingState.FAILED;
        RecordingSnapshot last = snapshot();
        LOG.info("recording {}: {} ({} segments, {} bytes, {} ms)", tap.stream(), state, last.segments(), last.bytes(),
                last.recordedMillis());
        notifier.execute(() -> {
            try {
                listener.onEnded(last);
            } catch (RuntimeException e) {
                LOG.warn("recording {}: listener failed", tap.stream(), e);
            }
        });
        finished.complete(last);
    }

    /** Timer: asks for a key frame when the current video segment nears its target. */
    private void pace() {
        if (stopping || state.compareTo(RecordingState.RECORDING) > 0) {
            return;
        }
        boolean due;
        synchronized (pacer) {
            due = pacer.due(Instant.now());
        }
        if (due) {
            tap.keyframeRequest().run();
        }
    }

    /** Muxer streaming threads. */
    private final class BranchOutput implements TrackBranch.Output {
        @Override
        public void init(MediaKind kind, TrackInit init) {
            writer.init(kind, init);
        }

        @Override
        public void firstBuffer(MediaKind kind, long runningTimeNs) {
            writer.firstBuffer(kind, runningTimeNs);
        }

        @Override
        public void segment(MediaKind kind, Segment segment) {
            try {
                writer.segment(kind, segment);
            } catch (SpoolFullException e) {
                if (!outOfSpace) {
                    outOfSpace = true;
                    error = e.getMessage();
                    LOG.warn("recording {}: stopping: {}", tap.stream(), e.getMessage());
                    stop();
                }
                return;
            } catch (RuntimeException e) {
                LOG.warn("recording {}: cannot write a {} segment: {}", tap.stream(), kind.token(), e.getMessage());
                if (error == null) {
                    error = "cannot write segment: " + e.getMessage();
                }
                return;
            }
            if (state == RecordingState.STARTING) {
                state = RecordingState.RECORDING;
            }
            if (kind == MediaKind.VIDEO) {
                synchronized (pacer) {
                    pacer.segmentStarted(Instant.now());
                }
            }
        }

        @Override
        public void ended(MediaKind kind, Throwable failure) {
            if (failure != null && error == null) {
                error = "recording " + kind.token() + " failed: " + failure.getMessage();
                LOG.warn("recording {}: {} track failed", tap.stream(), kind.token(), failure);
            }
        }
    }
}
