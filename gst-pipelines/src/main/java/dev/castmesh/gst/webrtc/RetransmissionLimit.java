package dev.castmesh.gst.webrtc;

import dev.castmesh.gst.runtime.Elements;
import org.freedesktop.gstreamer.Bin;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.ElementFactory;
import org.freedesktop.gstreamer.Pad;
import org.freedesktop.gstreamer.PadProbeInfo;
import org.freedesktop.gstreamer.PadProbeReturn;
import org.freedesktop.gstreamer.PadProbeType;
import org.freedesktop.gstreamer.Structure;
import org.freedesktop.gstreamer.event.Event;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Holds a webrtcbin's retransmissions to a budget. Its RTP session turns every sequence number a peer NACKs into a
 * {@code GstRTPRetransmissionRequest} event sent upstream to {@code rtprtxsend}; over the budget the request is
 * dropped there. A viewer that floods NACKs so gets its share and no more: each retransmission costs encryption and a
 * send on the cores every other viewer shares (NackFloodIT: 3,800 NACKs in 10 s got 60,000 retransmissions before).
 */
final class RetransmissionLimit implements AutoCloseable {
    private static final String REQUEST = "GstRTPRetransmissionRequest";

    private final RetransmissionBudget budget;
    private final AtomicLong refused = new AtomicLong();
    private final Pad.PROBE probe = this::onUpstreamEvent;
    /** rtprtxsend's source pads; gst1-java-core keeps a probe on the Java pad, so both stay referenced. */
    private final List<Pad> pads;

    private RetransmissionLimit(RetransmissionBudget budget, List<Pad> pads) {
        this.budget = budget;
        this.pads = List.copyOf(pads);
    }

    /** Call once the local description is set (rtpbin has made its retransmission senders by then). */
    static RetransmissionLimit apply(Element webrtcbin, int perSecond) {
        List<Pad> pads = !(webrtcbin instanceof Bin bin) ? List.of() : bin.getElementsRecursive().stream()
                .filter(RetransmissionLimit::isRetransmissionSender)
                .map(e -> e.getStaticPad("src"))
                .toList();
        RetransmissionLimit limit = new RetransmissionLimit(new RetransmissionBudget(perSecond, System::nanoTime), pads);
        for (Pad pad : limit.pads) {
            pad.addProbe(PadProbeType.EVENT_UPSTREAM, limit.probe);
        }
        return limit;
    }

    private static boolean isRetransmissionSender(Element element) {
        ElementFactory factory = element.getFactory(); // null for plain bins webrtcbin builds itself
        return factory != null && "rtprtxsend".equals(factory.getName());
    }

    private PadProbeReturn onUpstreamEvent(Pad pad, PadProbeInfo info) {
        Event event = info.getEvent();
        Structure structure = event == null ? null : event.getStructure();
        if (structure == null || !REQUEST.equals(structure.getName()) || budget.tryTake()) {
            return PadProbeReturn.OK;
        }
        refused.incrementAndGet();
        return PadProbeReturn.DROP;
    }

    /** Requests dropped over the budget so far. */
    long refused() {
        return refused.get();
    }

    @Override
    public void close() {
        for (Pad pad : pads) {
            Elements.guard("remove retransmission limit", () -> pad.removeProbe(probe));
        }
    }
}
