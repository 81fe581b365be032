package dev.castmesh.gst.runtime;

import org.freedesktop.gstreamer.ElementFactory;
import org.freedesktop.gstreamer.Gst;
import org.freedesktop.gstreamer.Version;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The process-wide GStreamer runtime: initialised once, with its GLib main loop on its own daemon
 * thread. It is never de-initialised ({@code Gst.deinit()} crashes on this platform); it lives as long
 * as the JVM.
 */
public final class GstRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(GstRuntime.class);
    /** webrtcbin promises, GstPromise and the GstWebRTC API need 1.18; Debian 12 ships 1.22. */
    private static final Version REQUIRED = new Version(1, 18);
    private static final AtomicInteger LIVE_PIPELINES = new AtomicInteger();
    private static boolean started;

    private GstRuntime() {
    }

    /** Initialises GStreamer and starts the main loop thread, once per process. Safe to call repeatedly. */
    public static synchronized void ensureStarted() {
        if (started) {
            return;
        }
        if (!Gst.isInitialized()) {
            Gst.init(REQUIRED, "castmesh");
        }
        GLibWarnings.install();
        Thread loop = new Thread(Gst::main, "gst-main-loop");
        loop.setDaemon(true);
        loop.start();
        started = true;
        LOG.info("GStreamer {} initialised", Gst.getVersionString());
    }

    /**
     * Fails with a message naming the missing elements and the Debian packages that provide them.
     */
    public static void requireElements(String... factories) {
        ensureStarted();
        List<String> missing = new ArrayList<>();
        for (String factory : factories) {
            if (!exists(factory)) {
                missing.add(factory);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("GStreamer elements missing: " + String.join(", ", missing)
                    + " (install gstreamer1.0-plugins-base, -good, -bad, -ugly, gstreamer1.0-nice, gstreamer1.0-libav)");
        }
    }

    /** Whether an element factory is installed (for optional elements such as clockoverlay). */
    public static boolean hasElement(String factory) {
        ensureStarted();
        return exists(factory);
    }

    private static boolean exists(String factory) {
        try {
            return ElementFactory.find(factory) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Number of pipelines built by this module that have not been disposed yet (diagnostics, tests). */
    public static int livePipelines() {
        return LIVE_PIPELINES.get();
    }

    static void pipelineCreated() {
        LIVE_PIPELINES.incrementAndGet();
    }

    static void pipelineDisposed() {
        LIVE_PIPELINES.decrementAndGet();
    }
}
