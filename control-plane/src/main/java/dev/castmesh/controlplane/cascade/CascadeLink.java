package dev.castmesh.controlplane.cascade;

/**
 * A cascade that was set up: the answer of the control plane's {@code POST /api/cascade/{stream}}.
 *
 * @param stream the stream, as served on {@code target}
 * @param source alias of the node the media comes from
 * @param target alias of the node that now carries a copy
 * @param mode   {@code "pull"} (target plays from source) or {@code "push"} (source publishes to target)
 */
public record CascadeLink(String stream, String source, String target, CascadeMode mode) {
}
