package dev.castmesh.gst.hub;

/** Life cycle of a publisher or viewer session as seen in snapshots. */
public enum SessionState {
    /** Offer received, answer being prepared. */
    NEGOTIATING,
    /** Answer sent, ICE/DTLS not connected yet. */
    CONNECTING,
    CONNECTED,
    /** Was connected, ICE lost the peer; may come back. */
    DISCONNECTED,
    FAILED,
    CLOSED
}
