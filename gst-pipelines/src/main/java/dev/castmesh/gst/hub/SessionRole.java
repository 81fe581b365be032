package dev.castmesh.gst.hub;

/**
 * Why a session receives a stream. The engine is the one place that knows: admission, heartbeats, stream views and
 * idle watches all read the role from the snapshot instead of keeping their own lists of special sessions.
 */
public enum SessionRole {
    /** A person (or a player) watching: takes a seat under the agent's limits and counts as load. */
    VIEWER,
    /** Another agent pulling its copy from here ({@code WHEP ?cascadeTo=}): keeps the stream in use, takes no seat. */
    CASCADE_PULL,
    /** This agent pushing the stream to another agent: neither a viewer nor a reason to keep a copy here. */
    CASCADE_PUSH;

    /** Counted as a viewer: seats, heartbeats' viewer counts, load. */
    public boolean isViewer() {
        return this == VIEWER;
    }

    /** Keeps a cascade copy on this agent alive (its idle timeout does not run). */
    public boolean keepsStreamInUse() {
        return this != CASCADE_PUSH;
    }
}
