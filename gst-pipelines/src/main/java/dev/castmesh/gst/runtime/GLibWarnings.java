package dev.castmesh.gst.runtime;

import com.sun.jna.Callback;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends GStreamer-Base's GLib warnings to the log instead of stderr. The one seen in practice is basetransform's
 * "transform_caps returned caps which are not a real subset of the filter caps" from the hub's caps-resetting inlet
 * (capssetter ignores a caps query's filter by design), once per viewer negotiation: it goes to DEBUG, anything else
 * from that domain to WARN.
 */
final class GLibWarnings {
    private static final Logger LOG = LoggerFactory.getLogger(GLibWarnings.class);
    private static final String DOMAIN = "GStreamer-Base";
    private static final int G_LOG_LEVEL_WARNING = 1 << 4;
    private static final String CAPS_FILTER_NOTE = "not a real subset of the filter caps";

    /** GLib's GLogFunc; held in a static field so the collector never frees it. */
    interface LogFunction extends Callback {
        void callback(String domain, int level, String message, Pointer userData);
    }

    private static final LogFunction HANDLER = (domain, level, message, data) -> {
        if (message != null && message.contains(CAPS_FILTER_NOTE)) {
            LOG.debug("{}: {}", domain, message);
        } else {
            LOG.warn("{}: {}", domain, message);
        }
    };

    private GLibWarnings() {
    }

    static void install() {
        NativeLibrary.getProcess().getFunction("g_log_set_handler")
                .invokeInt(new Object[] {DOMAIN, G_LOG_LEVEL_WARNING, HANDLER, null});
    }
}
