package dev.castmesh.controlplane.placement;

/**
 * What a request asks of placement.
 *
 * @param region     region to prefer ({@code ?region=}, else {@code [cluster] region}); "" for none. A preference:
 *                   when no suitable node is in that region, any region will do
 * @param forcedNode {@code ?nodes=alias} (operators): only that node, or null
 */
public record Preference(String region, String forcedNode) {
    public Preference {
        region = region == null ? "" : region;
        forcedNode = forcedNode == null || forcedNode.isEmpty() ? null : forcedNode;
    }

    public static Preference none() {
        return new Preference("", null);
    }
}
