package dev.castmesh.gst.webrtc;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * Loss repair on a transceiver: it NACKs what it misses (its jitter buffer waits for the retransmission) and
 * answers the peer's NACKs with RTX where RTX is negotiated. webrtcbin leaves {@code nack} and RTX out of an
 * answer whose transceiver does not do this, so it is set as soon as a transceiver exists.
 */
final class Retransmission {
    private static final Function G_OBJECT_SET = NativeLibrary.getProcess().getFunction("g_object_set");

    private Retransmission() {
    }

    /** Called on webrtcbin's thread from {@code on-new-transceiver}: sets a property, takes no reference. */
    static void enable(Pointer transceiver) {
        G_OBJECT_SET.invokeVoid(new Object[] {transceiver, "do-nack", 1, null});
    }
}
