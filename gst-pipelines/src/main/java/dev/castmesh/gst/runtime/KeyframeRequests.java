package dev.castmesh.gst.runtime;

import com.sun.jna.Pointer;
import org.freedesktop.gstreamer.Pad;
import org.freedesktop.gstreamer.event.Event;
import org.freedesktop.gstreamer.glib.Natives;
import org.freedesktop.gstreamer.lowlevel.GstVideoAPI;

/**
 * Sends an upstream {@code GstForceKeyUnit} event. Arriving at a receiving webrtcbin's rtpsession it
 * makes the session send a PLI/FIR to the remote sender; arriving at an encoder it forces a key frame.
 */
public final class KeyframeRequests {
    private static final long CLOCK_TIME_NONE = -1L;

    private KeyframeRequests() {
    }

    /**
     * @param sinkPad a sink pad linked to the upstream element (e.g. a tee's sink pad)
     * @return whether the event was handled upstream
     */
    public static boolean requestUpstream(Pad sinkPad) {
        Pointer ptr = GstVideoAPI.GSTVIDEO_API.ptr_gst_video_event_new_upstream_force_key_unit(CLOCK_TIME_NONE,
                true, 0);
        Event event = Natives.objectFor(ptr, Event.class, false, true);
        return sinkPad.pushEvent(event);
    }
}
