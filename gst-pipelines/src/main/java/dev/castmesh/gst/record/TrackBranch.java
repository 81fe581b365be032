package dev.castmesh.gst.record;

import dev.castmesh.gst.runtime.Elements;
import dev.castmesh.gst.sdp.MediaKind;
import dev.castmesh.gst.sdp.PublisherTrack;
import org.freedesktop.gstreamer.Bin;
import org.freedesktop.gstreamer.Buffer;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.FlowReturn;
import org.freedesktop.gstreamer.Pad;
import org.freedesktop.gstreamer.PadProbeReturn;
import org.freedesktop.gstreamer.PadProbeType;
import org.freedesktop.gstreamer.Sample;
import org.freedesktop.gstreamer.State;
import org.freedesktop.gstreamer.elements.AppSink;
import org.freedesktop.gstreamer.event.EOSEvent;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The recording branch of one track: raw RTP tee → leaky queue → depayloader → parser → fragmented
 * mp4mux (one track per muxer, as DASH wants) → appsink → {@link Fmp4Splitter} → {@link SegmentCutter}.
 * The queue gives the branch its own thread and drops (oldest first, up to 3 s buffered) rather than
 * block the tee when the disk is slow, so viewers never stall. The appsink sees a few buffers per
 * fragment (moof, mdat header, samples), far fewer JNA calls than one per RTP packet.
 *
 * <p>Video fragments: mp4mux closes a fragment at every key frame once it has seen delta frames, and at
 * {@code fragment-duration}; that cap is 3 × the target, so with key frames requested at the target
 * every fragment starts with a key frame. Audio fragments are cut at the target.
 */
final class TrackBranch {
    /** Where a branch delivers; called on the muxer's streaming thread (must not block on the stream). */
    interface Output {
        void init(MediaKind kind, TrackInit init);

        void firstBuffer(MediaKind kind, long runningTimeNs);

        void segment(MediaKind kind, Segment segment);

        void ended(MediaKind kind, Throwable error);
    }

    private static final long QUEUE_NS = Duration.ofSeconds(3).toNanos();
    private static final int LEAKY_DOWNSTREAM = 2;
    private static final long CLOCK_TIME_NONE = -1L;
    /** rtpjitterbuffer mode "none": timestamps from RTP time only. */
    private static final int JITTER_MODE_NONE = 0;
    private static final int JITTER_LATENCY_MS = 100;

    private final MediaKind kind;
    private final Element tee;
    private final Pad teePad;
    /** Held so the first-buffer probe survives: its native callback lives on this Pad wrapper. */
    private final Pad muxPad;
    private final Element queue;
    private final List<Element> elements;
    private final AppSink sink;
    private final Output output;
    private final Fmp4Splitter splitter;
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private SegmentCutter cutter;
    /** JNA callbacks, held as long as the branch. */
    private final AppSink.NEW_SAMPLE onSample = this::onSample;
    private final AppSink.EOS onEos = s -> onEos();
    private final Pad.PROBE onFirstBuffer = this::onFirstBuffer;
    private boolean detached;

    private TrackBranch(PublisherTrack track, Element tee, String name, Duration target, Output output, Bin bin) {
        this.kind = track.kind();
        this.tee = tee;
        this.output = output;
        this.splitter = new Fmp4Splitter(new Fmp4Splitter.Sink() {
            @Override
            public void init(TrackInit init) {
                cutter = new SegmentCutter(init.timescale(), target);
                output.init(kind, init);
            }

            @Override
            public void fragment(Fragment fragment) {
                cutter.offer(fragment).ifPresent(s -> output.segment(kind, s));
            }
        });
        boolean video = kind == MediaKind.VIDEO;
        queue = Elements.make("queue", name + "-queue");
        queue.set("leaky", LEAKY_DOWNSTREAM);
        queue.set("max-size-buffers", 0);
        queue.set("max-size-bytes", 0);
        queue.set("max-size-time", QUEUE_NS);
        // the publisher's jitter buffer stamps packets by arrival time: consecutive frames can share a
        // PTS, which the parsers then drop and mp4mux refuses. Re-stamp from the RTP timestamps.
        Element jitter = Elements.make("rtpjitterbuffer", name + "-jitter");
        jitter.set("mode", JITTER_MODE_NONE);
        jitter.set("latency", JITTER_LATENCY_MS);
        Element depay = Elements.make(track.codec().depayloader(), name + "-depay");
        if (video) {
            // joining mid-GOP: start at a key frame (earlier frames cannot be decoded and lack timestamps)
            depay.set("wait-for-keyframe", true);
        }
        Element parse = Elements.make(video ? "h264parse" : "opusparse", name + "-parse");
        Element mux = Elements.make("mp4mux", name + "-mux");
        mux.set("fragment-duration", (int) (video ? target.multipliedBy(3) : target).toMillis());
        sink = new AppSink(name + "-sink");
        sink.set("emit-signals", true);
        sink.set("sync", false);
        sink.set("async", false);
        sink.connect(onSample);
        sink.connect(onEos);
        elements = List.of(queue, jitter, depay, parse, mux, sink);
        for (Element e : elements) {
            bin.add(e);
        }
        muxPad = mux.getRequestPad(video ? "video_%u" : "audio_%u");
        if (!Element.linkMany(queue, jitter, depay, parse)) {
            throw new IllegalStateException("cannot link recording branch " + name);
        }
        Elements.link(parse.getStaticPad("src"), muxPad);
        Elements.link(mux.getStaticPad("src"), sink.getStaticPad("sink"));
        muxPad.addProbe(PadProbeType.BUFFER, onFirstBuffer);
        for (int i = elements.size() - 1; i >= 0; i--) {
            elements.get(i).syncStateWithParent();
        }
        teePad = tee.getRequestPad("src_%u");
        Elements.link(teePad, queue.getStaticPad("sink"));
    }

    /** On the stream's executor: builds the branch downstream first and links the tee pad last. */
    static TrackBranch attach(Bin bin, Element tee, PublisherTrack track, String name, Duration target, Output output) {
        return new TrackBranch(track, tee, name, target, output, bin);
    }

    MediaKind kind() {
        return kind;
    }

    /** Completes when the appsink saw EOS and the last segment was handed over. */
    CompletableFuture<Void> ended() {
        return ended;
    }

    /** On the stream's executor: unlinks from the tee and sends EOS into the branch only. Idempotent. */
    void finish() {
        if (detached) {
            return;
        }
        detached = true;
        Elements.guard("unlink recording branch", () -> teePad.unlink(queue.getStaticPad("sink")));
        Elements.guard("EOS recording branch", () -> queue.getStaticPad("sink").sendEvent(new EOSEvent()));
    }

    /** On the stream's executor, after {@link #finish}: stops and removes every element, releases the tee pad. */
    void dispose(Bin bin) {
        if (!detached) {
            detached = true;
            Elements.guard("unlink recording branch", () -> teePad.unlink(queue.getStaticPad("sink")));
        }
        Elements.guard("disconnect appsink", () -> {
            sink.disconnect(onSample);
            sink.disconnect(onEos);
        });
        for (Element e : elements) {
            Elements.guard("set NULL " + e.getName(), () -> e.setState(State.NULL));
        }
        for (Element e : elements) {
            Elements.guard("remove " + e.getName(), () -> bin.remove(e));
            Elements.guard("dispose " + e.getName(), e::dispose);
        }
        Elements.guard("release tee pad", () -> tee.releaseRequestPad(teePad));
        ended.complete(null);
    }

    private FlowReturn onSample(AppSink appSink) {
        Sample sample = appSink.pullSample();
        if (sample == null) {
            return FlowReturn.EOS;
        }
        try {
            Buffer buffer = sample.getBuffer();
            ByteBuffer bytes = buffer.map(false);
            try {
                splitter.feed(bytes);
            } finally {
                buffer.unmap();
            }
            return FlowReturn.OK;
        } catch (RuntimeException e) {
            fail(e);
            return FlowReturn.ERROR;
        } finally {
            sample.dispose();
        }
    }

    private void onEos() {
        try {
            if (cutter != null) {
                cutter.flush().ifPresent(s -> output.segment(kind, s));
            }
            output.ended(kind, null);
        } catch (RuntimeException e) {
            output.ended(kind, e);
        }
        ended.complete(null);
    }

    private PadProbeReturn onFirstBuffer(Pad pad, org.freedesktop.gstreamer.PadProbeInfo info) {
        Buffer b = info.getBuffer();
        long dts = b.getDecodeTimestamp();
        long ts = dts != CLOCK_TIME_NONE ? dts : b.getPresentationTimestamp();
        if (ts != CLOCK_TIME_NONE) {
            output.firstBuffer(kind, ts);
        }
        return PadProbeReturn.REMOVE;
    }

    private void fail(RuntimeException e) {
        if (!ended.isDone()) {
            output.ended(kind, e);
        }
    }
}
