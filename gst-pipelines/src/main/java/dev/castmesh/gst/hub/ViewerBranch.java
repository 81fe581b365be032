package dev.castmesh.gst.hub;

import dev.castmesh.gst.runtime.Elements;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.Pad;
import org.freedesktop.gstreamer.event.FlushStartEvent;

/**
 * One track of one viewer, in one of two shapes ({@link ViewerFeed}):
 * <ul>
 * <li>{@code QUEUED}: tee pad → leaky queue → the viewer's webrtcbin, linked at once. The queue gives the
 *     viewer its own thread and drops instead of blocking, so a viewer that never connects (webrtcbin holds
 *     its input until DTLS is up) never stalls the tee.</li>
 * <li>{@code DIRECT}: shard tee pad → the viewer's webrtcbin, linked only once the viewer is CONNECTED (from
 *     then on webrtcbin's send path does not block: SRTP, then a non-blocking UDP send). A shard's thread
 *     (a few per source tee, see {@link StreamGraph#shardFor}) does the sending for its viewers: no queue, one
 *     thread and one hand-off per packet and viewer less.</li>
 * </ul>
 */
final class ViewerBranch {
    private final StreamGraph graph;
    private final Element sourceTee;
    private final Pad webrtcSink;
    private final Element queue;
    private Element attachedTee;
    private Pad teePad;

    private ViewerBranch(StreamGraph graph, Element sourceTee, Pad webrtcSink, Element queue) {
        this.graph = graph;
        this.sourceTee = sourceTee;
        this.webrtcSink = webrtcSink;
        this.queue = queue;
    }

    /** Add → sync state → link downstream first, the tee pad last (data flows only into a ready branch). */
    static ViewerBranch create(StreamGraph graph, ViewerFeed feed, Element sourceTee, Pad webrtcSinkPad, String name) {
        if (feed == ViewerFeed.DIRECT) {
            return new ViewerBranch(graph, sourceTee, webrtcSinkPad, null);
        }
        Element queue = Elements.leakyQueue(name);
        graph.adopt(queue);
        Elements.link(queue.getStaticPad("src"), webrtcSinkPad);
        ViewerBranch branch = new ViewerBranch(graph, sourceTee, webrtcSinkPad, queue);
        branch.attach();
        return branch;
    }

    /** Links the branch to its tee (QUEUED: at creation; DIRECT: when the viewer connects). Idempotent. */
    void attach() {
        if (teePad != null) {
            return;
        }
        attachedTee = queue != null ? sourceTee : graph.shardFor(sourceTee);
        teePad = attachedTee.getRequestPad("src_%u");
        Elements.link(teePad, queue != null ? queue.getStaticPad("sink") : webrtcSink);
    }

    boolean attached() {
        return teePad != null;
    }

    /**
     * Step 1 of teardown: unlink from the tee (takes no streaming lock, so it cannot wait on a thread
     * blocked inside a webrtcbin that never connected). The tee then sees NOT_LINKED here, which it
     * ignores, and never the FLUSHING that stopping the viewer produces.
     */
    void detach() {
        if (teePad != null) {
            Elements.guard("unlink viewer branch", () -> teePad.unlink(queue != null ? queue.getStaticPad("sink") : webrtcSink));
        }
    }

    /**
     * Step 1b: a FLUSH_START into the viewer's webrtcbin (sent without taking the stream lock) wakes a
     * streaming thread wherever it waits inside webrtcbin (a blocking probe before negotiation completed, a
     * transport that never connected), so stopping the webrtcbin does not wait for it.
     */
    void flush() {
        Elements.guard("flush viewer branch", () -> webrtcSink.sendEvent(new FlushStartEvent()));
    }

    /** Step 2, after the viewer's webrtcbin is stopped: stop and remove the queue, release the tee pad. */
    void dispose(StreamGraph graph) {
        if (queue != null) {
            graph.remove(queue);
        }
        if (teePad != null) {
            Elements.guard("release tee pad", () -> attachedTee.releaseRequestPad(teePad));
            if (queue == null) {
                graph.releaseShard(attachedTee);
            }
        }
    }
}
