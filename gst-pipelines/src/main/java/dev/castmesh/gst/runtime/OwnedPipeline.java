package dev.castmesh.gst.runtime;

import org.freedesktop.gstreamer.Bus;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.Gst;
import org.freedesktop.gstreamer.glib.GError;
import org.freedesktop.gstreamer.GstObject;
import org.freedesktop.gstreamer.Pipeline;
import org.freedesktop.gstreamer.State;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * A pipeline with one owner: it is counted while alive, reports errors and warnings to the owner's
 * handler (which must not block; it should hand work to the owner's executor), and is closed exactly
 * once (NULL, wait, dispose).
 */
public final class OwnedPipeline implements AutoCloseable {
    private final Pipeline pipeline;
    private final Bus.ERROR onError;
    private final Bus.EOS onEos;
    private boolean closed;

    private OwnedPipeline(Pipeline pipeline, BiConsumer<GstObject, String> errors, Runnable eos) {
        this.pipeline = pipeline;
        this.onError = (source, code, message) -> errors.accept(source, message);
        // the source element is also logged by the owner; GST_DEBUG=webrtcbin:5 shows the details
        this.onEos = source -> {
            if (eos != null) {
                eos.run();
            }
        };
        Bus bus = pipeline.getBus();
        bus.connect(onError);
        bus.connect(onEos);
        GstRuntime.pipelineCreated();
    }

    /**
     * An empty pipeline.
     *
     * @param errors receives (source element, message) for each error posted on the bus
     * @param eos called when the pipeline reaches end of stream (may be null)
     */
    public static OwnedPipeline create(String name, BiConsumer<GstObject, String> errors, Runnable eos) {
        GstRuntime.ensureStarted();
        return new OwnedPipeline(new Pipeline(name), errors, eos);
    }

    /** A pipeline built from a gst-launch description (which must describe more than one element). */
    public static OwnedPipeline parse(String description, BiConsumer<GstObject, String> errors, Runnable eos) {
        GstRuntime.ensureStarted();
        List<GError> parseErrors = new ArrayList<>();
        Element element = Gst.parseLaunch(description, parseErrors);
        if (!parseErrors.isEmpty() || !(element instanceof Pipeline pipeline)) {
            throw new IllegalArgumentException("cannot build pipeline: " + (parseErrors.isEmpty() ? "not a pipeline"
                    : parseErrors.get(0).getMessage()));
        }
        return new OwnedPipeline(pipeline, errors, eos);
    }

    public Pipeline pipeline() {
        return pipeline;
    }

    public void play() {
        pipeline.play();
    }

    /** Idempotent: disconnects the bus handlers, sets NULL (waiting up to 5 s) and disposes. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        Elements.guard("disconnect bus", () -> {
            pipeline.getBus().disconnect(onError);
            pipeline.getBus().disconnect(onEos);
        });
        Elements.guard("pipeline NULL", () -> {
            pipeline.setState(State.NULL);
            pipeline.getState(TimeUnit.SECONDS.toNanos(5));
        });
        Elements.guard("pipeline dispose", pipeline::dispose);
        GstRuntime.pipelineDisposed();
    }
}
