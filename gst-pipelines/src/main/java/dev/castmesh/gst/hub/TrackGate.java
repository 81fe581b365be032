package dev.castmesh.gst.hub;

import org.freedesktop.gstreamer.Pad;
import org.freedesktop.gstreamer.PadProbeInfo;
import org.freedesktop.gstreamer.PadProbeReturn;
import org.freedesktop.gstreamer.PadProbeType;

/**
 * Mutes one viewer track (Liveman's {@code POST /session/{stream}/{session}} with {@code enabled: false}): a buffer
 * probe on the branch's queue output drops what would go to that viewer's webrtcbin while closed; nothing else is
 * touched (the tee, other viewers, the publisher). The probe exists only while the gate is closed (a Java call per
 * packet is not free); the callback is held here, so the garbage collector cannot take it from under GStreamer.
 * Unmuting a video track needs a key frame before the viewer decodes again: its decoder asks for one (PLI) itself.
 */
final class TrackGate {
    private final Pad pad;
    private volatile boolean open = true;
    private Pad.PROBE probe;

    TrackGate(Pad pad) {
        this.pad = pad;
    }

    /** Opens or closes the gate; called on the stream's executor. */
    void open(boolean open) {
        this.open = open;
        if (!open && probe == null) {
            probe = this::onBuffer;
            pad.addProbe(PadProbeType.BUFFER, probe);
        } else if (open && probe != null) {
            pad.removeProbe(probe);
            probe = null;
        }
    }

    boolean isOpen() {
        return open;
    }

    private PadProbeReturn onBuffer(Pad pad, PadProbeInfo info) {
        return open ? PadProbeReturn.OK : PadProbeReturn.DROP;
    }
}
