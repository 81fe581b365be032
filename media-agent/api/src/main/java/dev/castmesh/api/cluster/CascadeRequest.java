package dev.castmesh.api.cluster;

/**
 * The body of the agent's {@code POST /api/cascade/{stream}} (Live777's field names, camelCase), admin right.
 * Exactly one of {@code sourceUrl} (pull) and {@code targetUrl} (push).
 *
 * <p><b>Pull</b>: the agent plays {@code sourceUrl} (a WHEP endpoint, usually {@code {source agent}/whep/{stream}})
 * and serves the media as its own copy of {@code stream}. The call returns 201 once the copy carries media, so a
 * viewer sent there next gets frames. A second pull of a stream the agent already copies re-attaches the copy to the
 * new source (200); its viewers keep their sessions. A copy with no viewer for {@code idleTimeout} seconds ends
 * (0 = never; absent = 60). A copy whose source is lost and not replaced within a grace period ends cleanly.
 *
 * <p><b>Push</b>: the agent publishes its local {@code stream} to {@code targetUrl} (a WHIP endpoint); 201 once that
 * session is up. The target marks it as a copy when the URL carries {@code ?cascadeFrom={alias}}.
 *
 * @param sourceUrl   WHEP URL to pull from
 * @param targetUrl   WHIP URL to push to
 * @param token       bearer token for the remote URL, may be null
 * @param sourceNode  our extension: the alias of the agent pulled from, reported as the copy's {@code cascadeFrom}
 * @param idleTimeout our extension: seconds without viewers before a pulled copy ends
 */
public record CascadeRequest(String sourceUrl, String targetUrl, String token, String sourceNode, Integer idleTimeout) {
    public static final int DEFAULT_IDLE_TIMEOUT = 60;

    public static CascadeRequest pull(String sourceUrl, String token, String sourceNode, int idleTimeout) {
        return new CascadeRequest(sourceUrl, null, token, sourceNode, idleTimeout);
    }

    public static CascadeRequest push(String targetUrl, String token) {
        return new CascadeRequest(null, targetUrl, token, null, null);
    }

    public boolean isPull() {
        return sourceUrl != null;
    }

    public int idleTimeoutOrDefault() {
        return idleTimeout == null ? DEFAULT_IDLE_TIMEOUT : idleTimeout;
    }

    @Override
    public String toString() {
        return "CascadeRequest[sourceUrl=" + sourceUrl + ", targetUrl=" + targetUrl + ", token="
                + (token == null ? "none" : "***") + ", sourceNode=" + sourceNode + ", idleTimeout=" + idleTimeout + "]";
    }
}
