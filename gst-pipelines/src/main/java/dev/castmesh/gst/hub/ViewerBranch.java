package dev.castmesh.gst.hub;

import dev.castmesh.gst.runtime.Elements;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.Pad;

/**
 * One track of one viewer: a tee pad (raw or re-payloaded) → leaky queue → the viewer's webrtcbin.
 * The queue gives the viewer its own thread and drops instead of blocking, so a stuck viewer never
 * stalls the tee.
 */
final class ViewerBranch {
    private final Element sourceTee;
    private final Pad teePad;
    private final Element queue;

    private ViewerBranch(Element sourceTee, Pad teePad, Element queue) {
        this.sourceTee = sourceTee;
        this.teePad = teePad;
        this.queue = queue;
    }

    /** Add → sync state → link downstream first, the tee pad last (data flows only into a ready branch). */
    static ViewerBranch link(StreamGraph graph, Element sourceTee, Pad webrtcSinkPad, String name) {
        Element queue = Elements.leakyQueue(name);
        graph.adopt(queue);
        Elements.link(queue.getStaticPad("src"), webrtcSinkPad);
        Pad teePad = sourceTee.getRequestPad("src_%u");
        Elements.link(teePad, queue.getStaticPad("sink"));
        return new ViewerBranch(sourceTee, teePad, queue);
    }

    /** Unlink from the tee, stop and remove the queue, release the tee pad. Idempotent, each step guarded. */
    void close(StreamGraph graph) {
        Elements.guard("unlink viewer branch", () -> teePad.unlink(queue.getStaticPad("sink")));
        graph.remove(queue);
        Elements.guard("release tee pad", () -> sourceTee.releaseRequestPad(teePad));
    }
}
