package dev.castmesh.gst.runtime;

import org.freedesktop.gstreamer.Bin;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.ElementFactory;
import org.freedesktop.gstreamer.Pad;
import org.freedesktop.gstreamer.PadLinkException;
import org.freedesktop.gstreamer.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Small helpers for building and tearing down branches of a running pipeline. */
public final class Elements {
    private static final Logger LOG = LoggerFactory.getLogger(Elements.class);
    /**
     * FACTS: a stuck viewer must never stall others. Up to 300 packets hold a key frame burst of a 2-3 Mbit/s stream
     * (a 30-packet queue dropped parts of H.264 key frames before they reached the viewer's RTX history, so they
     * could not be repaired); the buffers are shared with the tee, not copied.
     */
    public static final int LEAKY_QUEUE_BUFFERS = 300;
    /**
     * A viewer's queue also holds at most half a second of media: a viewer still connecting gets no backlog of stale
     * media when it connects (a key frame burst is a few milliseconds long, a backlog is not).
     */
    public static final long VIEWER_QUEUE_NANOS = 500_000_000L;
    private static final int LEAKY_DOWNSTREAM = 2;

    private Elements() {
    }

    public static Element make(String factory, String name) {
        Element e = ElementFactory.make(factory, name);
        if (e == null) {
            throw new IllegalStateException("cannot create GStreamer element " + factory);
        }
        return e;
    }

    /** A queue that drops its oldest buffers instead of blocking upstream. */
    public static Element leakyQueue(String name) {
        Element q = make("queue", name);
        q.set("leaky", LEAKY_DOWNSTREAM);
        q.set("max-size-buffers", LEAKY_QUEUE_BUFFERS);
        q.set("max-size-bytes", 0);
        q.set("max-size-time", 0L);
        return q;
    }

    /** A tee that keeps pushing when some or all of its branches are unlinked. */
    public static Element tee(String name) {
        Element t = make("tee", name);
        t.set("allow-not-linked", true);
        return t;
    }

    public static void link(Pad src, Pad sink) {
        try {
            src.link(sink);
        } catch (PadLinkException e) {
            throw new IllegalStateException("cannot link " + src.getName() + " to " + sink.getName() + ": "
                    + e.getLinkResult(), e);
        }
    }

    /** Adds {@code element} to a playing bin and brings it to the bin's state. */
    public static void addLive(Bin bin, Element element) {
        bin.add(element);
        element.syncStateWithParent();
    }

    /** Stops and removes an element from its bin; every step is guarded so teardown always continues. */
    public static void removeQuietly(Bin bin, Element element) {
        if (element == null) {
            return;
        }
        guard("set NULL " + element.getName(), () -> element.setState(State.NULL));
        guard("remove " + element.getName(), () -> bin.remove(element));
        guard("dispose " + element.getName(), element::dispose);
    }

    /** Runs one teardown step, logging instead of throwing. */
    public static void guard(String step, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.debug("teardown step '{}' failed: {}", step, e.toString());
        }
    }
}
