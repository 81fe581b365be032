package dev.castmesh.controlplane.cascade;

/**
 * The body of the control plane's {@code POST /api/cascade/{stream}} (admin).
 *
 * @param target alias of the node that is to carry a copy (required)
 * @param source alias of the node to copy from; absent: the nearest carrier
 * @param mode   {@code "pull"} or {@code "push"}; absent: {@code [cascade] mode}
 */
public record CascadeCommand(String target, String source, String mode) {
}
