package dev.castmesh.gst.webrtc;

import com.sun.jna.Pointer;
import org.freedesktop.gstreamer.GstObject;
import org.freedesktop.gstreamer.glib.Natives;

/**
 * Loss repair on a transceiver: it NACKs what it misses (its jitter buffer waits for the retransmission) and
 * answers the peer's NACKs with RTX where RTX is negotiated. webrtcbin leaves {@code nack} and RTX out of an
 * answer whose transceiver does not do this, so it is set as soon as a transceiver exists.
 */
final class Retransmission {
    private Retransmission() {
    }

    /** Called on webrtcbin's thread from {@code on-new-transceiver}: sets a property, never blocks. */
    static void enable(Pointer transceiver) {
        Natives.objectFor(transceiver, GstObject.class, true, true).set("do-nack", true);
    }
}
