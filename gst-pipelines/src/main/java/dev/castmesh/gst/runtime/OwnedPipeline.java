package dev.castmesh.gst.runtime;

import org.freedesktop.gstreamer.Bus;
import org.freedesktop.gstreamer.GstObject;
import org.freedesktop.gstreamer.Pipeline;
import org.freedesktop.gstreamer.State;

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

    /**
     * @param errors receives (source element, message) for each error posted on the bus
     * @param eos called when the pipeline reaches end of stream (may be null)
     */
    public OwnedPipeline(String name, BiConsumer<GstObject, String> errors, Runnable eos) {
        GstRuntime.ensureStarted();
        this.pipeline = new Pipeline(name);
        this.onError = (source, code, message) -> errors.accept(source, message);
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
