package dev.castmesh.api.auth;

/** Which streams a route touches, hence which grant ids may call it. */
public enum Scope {
    /** No credentials needed. */
    PUBLIC,
    /**
     * Not authenticated with user tokens: the caller is a media agent and the handler itself checks the
     * per-node or cluster secret. {@link AccessPolicy} lets these through; the handler must not.
     */
    NODE,
    /** The path names one stream ({@code {stream}}): a grant for that stream or the wildcard. */
    STREAM,
    /**
     * The path's final {@code {path...}} variable starts with a stream name ({@code {stream}/yyyy/mm/dd/...}; stream
     * names hold no '/'): a grant for that first segment or the wildcard, as for {@link #STREAM}.
     */
    STREAM_IN_PATH,
    /** Several or unknown streams (lists, nodes, relays): only wildcard grants. */
    ALL_STREAMS
}
