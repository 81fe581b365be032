package dev.castmesh.gst.webrtc;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.lowlevel.GObjectAPI;

/**
 * Turns off libnice's UPnP IGD port mapping on a webrtcbin's ICE agent. A media server has public or configured
 * addresses; UPnP discovery only delays the end of candidate gathering (and so every answer) by its timeout.
 * Plain GLib calls: the references taken are dropped at once (a Java wrapper would keep the ICE agent, and its
 * sockets, alive until the next garbage collection).
 */
final class IceAgentTuning {
    private static final Function G_OBJECT_GET = NativeLibrary.getProcess().getFunction("g_object_get");
    private static final Function G_OBJECT_SET = NativeLibrary.getProcess().getFunction("g_object_set");
    private static final Function G_OBJECT_UNREF = NativeLibrary.getProcess().getFunction("g_object_unref");

    private IceAgentTuning() {
    }

    static void disableUpnp(Element webrtcbin) {
        PointerByReference ice = new PointerByReference();
        GObjectAPI.GOBJECT_API.g_object_get(webrtcbin, "ice-agent", ice, null);
        Pointer iceAgent = ice.getValue();
        if (iceAgent == null) {
            return;
        }
        try {
            PointerByReference nice = new PointerByReference();
            G_OBJECT_GET.invokeVoid(new Object[] {iceAgent, "agent", nice, null});
            Pointer agent = nice.getValue();
            if (agent != null) {
                G_OBJECT_SET.invokeVoid(new Object[] {agent, "upnp", 0, null});
                G_OBJECT_UNREF.invokeVoid(new Object[] {agent});
            }
        } finally {
            G_OBJECT_UNREF.invokeVoid(new Object[] {iceAgent});
        }
    }
}
