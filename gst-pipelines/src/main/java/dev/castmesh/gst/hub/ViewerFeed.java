package dev.castmesh.gst.hub;

/** How a viewer's webrtcbin is fed from its tee; see {@link ViewerBranch}. */
public enum ViewerFeed {
    /** A leaky queue per viewer track, linked at once: one more thread and hand-off per viewer. */
    QUEUED,
    /** Linked straight to the tee once the viewer is connected: the tee's thread sends for every viewer. */
    DIRECT
}
