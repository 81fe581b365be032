package dev.castmesh.gst.hub;

import dev.castmesh.gst.runtime.Elements;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.Pad;
import org.freedesktop.gstreamer.event.FlushStartEvent;

/**
 * One track of one viewer: a tee pad (raw or re-payloaded) → leaky queue → the viewer's webrtcbin.
 * The queue gives the viewer its own thread and drops instead of blocking, so a stuck viewer never
 * stalls the tee.
 */
final class ViewerBranch {
    private final Element sourceTee;
    private final Pad teePad;
    private final Element queue;
    private final TrackGate gate;

    private ViewerBranch(Element sourceTee, Pad teePad, Element queue) {
        this.sourceTee = sourceTee;
        this.teePad = teePad;
        this.queue = queue;
        this.gate = new TrackGate(queue.getStaticPad("src"));
    }

    /** Mutes (false) or unmutes this track for this viewer ({@link TrackGate}). */
    void enable(boolean enabled) {
        gate.open(enabled);
    }

    /** Add → sync state → link downstream first, the tee pad last (data flows only into a ready branch). */
    static ViewerBranch link(StreamGraph graph, Element sourceTee, Pad webrtcSinkPad, String name) {
        Element queue = Elements.leakyQueue(name);
        queue.set("max-size-time", Elements.VIEWER_QUEUE_NANOS);
        graph.adopt(queue);
        Elements.link(queue.getStaticPad("src"), webrtcSinkPad);
        Pad teePad = sourceTee.getRequestPad("src_%u");
        Elements.link(teePad, queue.getStaticPad("sink"));
        return new ViewerBranch(sourceTee, teePad, queue);
    }

    /**
     * Step 1 of teardown: unlink from the tee (takes no streaming lock, so it cannot wait on a queue
     * thread blocked inside a webrtcbin that never connected). The tee then sees NOT_LINKED here, which
     * it ignores, and never the FLUSHING that stopping the viewer produces.
     */
    void detach() {
        Elements.guard("unlink viewer branch", () -> teePad.unlink(queue.getStaticPad("sink")));
    }

    /**
     * Step 1b: a FLUSH_START into the viewer's webrtcbin (sent without taking the stream lock) wakes the
     * queue's streaming thread wherever it waits inside webrtcbin (a blocking probe before negotiation
     * completed, a transport that never connected), so stopping the webrtcbin does not wait for it.
     */
    void flush() {
        Elements.guard("flush viewer branch", () -> queue.getStaticPad("src").pushEvent(new FlushStartEvent()));
    }

    /** Step 2, after the viewer's webrtcbin is stopped: stop and remove the queue, release the tee pad. */
    void dispose(StreamGraph graph) {
        graph.remove(queue);
        Elements.guard("release tee pad", () -> sourceTee.releaseRequestPad(teePad));
    }
}
