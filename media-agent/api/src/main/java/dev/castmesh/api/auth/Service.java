package dev.castmesh.api.auth;

/** The two HTTP servers that share the rights table. */
public enum Service {
    /** The control plane, port 8888. */
    CONTROL_PLANE,
    /** The media agent, port 7777. */
    MEDIA_AGENT
}
