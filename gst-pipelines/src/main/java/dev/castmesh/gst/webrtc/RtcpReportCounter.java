package dev.castmesh.gst.webrtc;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.glib.Natives;
import org.freedesktop.gstreamer.lowlevel.GstAPI;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the sender and receiver reports a webrtcbin's peer sends: its sign of life. The report blocks in
 * {@code get-stats} are not one (the RTP session keeps a block only when it names a source it holds as its own and
 * active, so a live viewer's could stand still for longer than its silence timeout); rtpbin's {@code on-ssrc-active}
 * fires for every SR/RR received. Plain GLib calls: a gst1-java-core wrapper with a connected handler keeps its
 * object alive, and holding webrtcbin's rtpbin that way leaked every webrtcbin (and its ICE thread) — LeakIT.
 */
final class RtcpReportCounter {
    private static final NativeLibrary GST = NativeLibrary.getInstance("gstreamer-1.0");
    private static final Function GST_BIN_GET_BY_NAME = GST.getFunction("gst_bin_get_by_name");
    private static final Function GST_OBJECT_UNREF = GST.getFunction("gst_object_unref");
    private static final Function G_SIGNAL_CONNECT_DATA = NativeLibrary.getProcess().getFunction("g_signal_connect_data");

    private final AtomicLong reports = new AtomicLong();
    /** Referenced for as long as the counter (and so its endpoint) lives: the native side calls it. */
    private final SsrcActive handler = (rtpbin, session, ssrc, data) -> reports.incrementAndGet();

    /** rtpbin's {@code on-ssrc-active}: (rtpbin, session id, SSRC, user data). */
    interface SsrcActive extends GstAPI.GstCallback {
        void callback(Pointer rtpbin, int session, int ssrc, Pointer userData);
    }

    private RtcpReportCounter() {
    }

    static RtcpReportCounter attach(Element webrtcbin) {
        RtcpReportCounter counter = new RtcpReportCounter();
        Pointer rtpbin = (Pointer) GST_BIN_GET_BY_NAME.invoke(Pointer.class,
                new Object[] {Natives.getRawPointer(webrtcbin), "rtpbin"});
        if (rtpbin == null) {
            throw new IllegalStateException("webrtcbin has no rtpbin child");
        }
        try {
            G_SIGNAL_CONNECT_DATA.invokeLong(new Object[] {rtpbin, "on-ssrc-active", counter.handler, null, null, 0});
        } finally {
            GST_OBJECT_UNREF.invokeVoid(new Object[] {rtpbin});
        }
        return counter;
    }

    long reports() {
        return reports.get();
    }
}
