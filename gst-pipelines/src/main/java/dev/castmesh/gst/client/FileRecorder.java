package dev.castmesh.gst.client;

import dev.castmesh.gst.runtime.Elements;
import dev.castmesh.gst.sdp.Codec;
import dev.castmesh.gst.sdp.MediaKind;
import org.freedesktop.gstreamer.Bin;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.Gst;
import org.freedesktop.gstreamer.Pad;
import org.freedesktop.gstreamer.PadProbeReturn;
import org.freedesktop.gstreamer.PadProbeType;
import org.freedesktop.gstreamer.event.EOSEvent;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes received RTP to a file without decoding: depayload (and parse) → queue → muxer → file.
 * {@code .webm} holds VP8 and Opus, {@code .mp4} holds H.264 and Opus, anything else is Matroska
 * (all three). {@link #finish} sends EOS and waits for it at the file, so the file is complete.
 */
final class FileRecorder {
    private final Bin pipeline;
    private final Element muxer;
    private final String container;
    private final Map<MediaKind, Pad> muxPads = new EnumMap<>(MediaKind.class);
    private final Map<MediaKind, Pad> inputs = new EnumMap<>(MediaKind.class);
    private final Map<MediaKind, Pad> sources = new EnumMap<>(MediaKind.class);
    private final List<Object> keep = new CopyOnWriteArrayList<>();
    private final CountDownLatch written = new CountDownLatch(1);

    private FileRecorder(Bin pipeline, Element muxer, String container) {
        this.pipeline = pipeline;
        this.muxer = muxer;
        this.container = container;
    }

    static FileRecorder create(Bin pipeline, Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String container = name.endsWith(".webm") ? "webm" : name.endsWith(".mp4") ? "mp4" : "mkv";
        Element muxer = Elements.make(switch (container) {
            case "webm" -> "webmmux";
            case "mp4" -> "mp4mux";
            default -> "matroskamux";
        }, "recorder-mux");
        Element sink = Elements.make("filesink", "recorder-file");
        sink.set("location", file.toAbsolutePath().toString());
        pipeline.addMany(muxer, sink);
        if (!muxer.link(sink)) {
            throw new IllegalStateException("cannot link muxer to file");
        }
        FileRecorder recorder = new FileRecorder(pipeline, muxer, container);
        // the pipeline never posts EOS (webrtcbin's own sinks never end): watch the file sink instead
        Pad.EVENT_PROBE eos = (pad, event) -> {
            if (event instanceof EOSEvent) {
                recorder.written.countDown();
            }
            return PadProbeReturn.OK;
        };
        Pad watched = sink.getStaticPad("sink");
        recorder.keep.add(eos);
        recorder.keep.add(watched); // the probe's native callback lives on this Pad wrapper
        watched.addEventProbe(eos);
        recorder.muxPads.put(MediaKind.VIDEO, muxer.getRequestPad("video_%u"));
        recorder.muxPads.put(MediaKind.AUDIO, muxer.getRequestPad("audio_%u"));
        return recorder;
    }

    /** After the answer: drop the tracks the server does not send; refuse codecs the container cannot hold. */
    void expect(Map<MediaKind, Codec> codecs) {
        for (Codec codec : codecs.values()) {
            if ((container.equals("mp4") && codec == Codec.VP8) || (container.equals("webm") && codec == Codec.H264)) {
                throw new IllegalArgumentException("a ." + container + " file cannot hold " + codec.encodingName()
                        + "; use .mkv");
            }
        }
        for (MediaKind kind : Set.copyOf(muxPads.keySet())) {
            if (!codecs.containsKey(kind)) {
                muxer.releaseRequestPad(muxPads.remove(kind));
            }
        }
    }

    /** Streaming thread (webrtcbin pad-added): depayloader chain → muxer; counts video frames. */
    void link(Pad webrtcPad, MediaKind kind, Codec codec, AtomicLong videoFrames) {
        Pad muxPad = muxPads.get(kind);
        if (muxPad == null || inputs.containsKey(kind)) {
            return;
        }
        String chain = switch (codec) {
            case VP8 -> "rtpvp8depay wait-for-keyframe=true ! queue";
            case H264 -> "rtph264depay wait-for-keyframe=true ! h264parse ! queue";
            case OPUS -> "rtpopusdepay ! opusparse ! queue";
        };
        Bin bin = Gst.parseBinFromDescription(chain, true);
        keep.add(bin);
        pipeline.add(bin);
        bin.syncStateWithParent();
        Pad out = bin.getStaticPad("src");
        Elements.link(out, muxPad);
        if (kind == MediaKind.VIDEO) {
            Pad.PROBE count = (pad, info) -> {
                videoFrames.incrementAndGet();
                return PadProbeReturn.OK;
            };
            keep.add(count);
            keep.add(out);
            out.addProbe(PadProbeType.BUFFER, count);
        }
        Pad in = bin.getStaticPad("sink");
        Elements.link(webrtcPad, in);
        inputs.put(kind, in);
        sources.put(kind, webrtcPad);
    }

    /** Stops the inputs, pushes EOS through every track and waits until the muxer has finished the file. */
    boolean finish(Duration wait) throws InterruptedException {
        endTracks();
        return written.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void endTracks() {
        for (Map.Entry<MediaKind, Pad> e : muxPads.entrySet()) {
            Pad in = inputs.get(e.getKey());
            if (in == null) {
                Elements.guard("EOS unused track", () -> e.getValue().sendEvent(new EOSEvent()));
            } else {
                Pad src = sources.get(e.getKey());
                Elements.guard("unlink track", () -> src.unlink(in));
                Elements.guard("EOS track", () -> in.sendEvent(new EOSEvent()));
            }
        }
    }
}
