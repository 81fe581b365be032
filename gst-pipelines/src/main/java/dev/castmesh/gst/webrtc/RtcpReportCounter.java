package dev.castmesh.gst.webrtc;

import com.sun.jna.Pointer;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.lowlevel.GstAPI;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the sender and receiver reports a webrtcbin's peer sends: its sign of life. The report blocks in
 * {@code get-stats} are not one (the RTP session keeps a block only when it names a source it holds as its own and
 * active, so a live viewer's could stand still for longer than its silence timeout); rtpbin's {@code on-ssrc-active}
 * fires for every SR/RR received.
 */
final class RtcpReportCounter {
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
        RtpBinSignals.connect(webrtcbin, "on-ssrc-active", counter.handler);
        return counter;
    }

    long reports() {
        return reports.get();
    }
}
