package dev.castmesh.gst.webrtc;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.glib.Natives;
import org.freedesktop.gstreamer.lowlevel.GstAPI;

/**
 * Connects handlers to the {@code rtpbin} inside a webrtcbin with plain GLib calls, taking no lasting reference: a
 * gst1-java-core wrapper with a connected handler keeps its object alive, and holding webrtcbin's rtpbin that way
 * leaked every webrtcbin (and its ICE thread) — LeakIT. The caller keeps {@code handler} referenced for as long as
 * the webrtcbin lives, since the native side calls it.
 */
final class RtpBinSignals {
    private static final NativeLibrary GST = NativeLibrary.getInstance("gstreamer-1.0");
    private static final Function GST_BIN_GET_BY_NAME = GST.getFunction("gst_bin_get_by_name");
    private static final Function GST_OBJECT_UNREF = GST.getFunction("gst_object_unref");
    private static final Function G_SIGNAL_CONNECT_DATA = NativeLibrary.getProcess().getFunction("g_signal_connect_data");

    private RtpBinSignals() {
    }

    static void connect(Element webrtcbin, String signal, GstAPI.GstCallback handler) {
        Pointer rtpbin = (Pointer) GST_BIN_GET_BY_NAME.invoke(Pointer.class,
                new Object[] {Natives.getRawPointer(webrtcbin), "rtpbin"});
        if (rtpbin == null) {
            throw new IllegalStateException("webrtcbin has no rtpbin child");
        }
        try {
            G_SIGNAL_CONNECT_DATA.invokeLong(new Object[] {rtpbin, signal, handler, null, null, 0});
        } finally {
            GST_OBJECT_UNREF.invokeVoid(new Object[] {rtpbin});
        }
    }
}
