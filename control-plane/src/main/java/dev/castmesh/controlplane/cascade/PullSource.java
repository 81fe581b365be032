package dev.castmesh.controlplane.cascade;

/** Where a {@link PullRule} says an unpublished stream comes from. */
public sealed interface PullSource {

    /** A WHEP endpoint outside the cluster; {@code token} may be null. */
    record External(String url, String token) implements PullSource {
        @Override
        public String toString() {
            return "External[url=" + url + ", token=" + (token == null ? "none" : "***") + "]";
        }
    }

    /** Another stream of this cluster, served under the requested name. */
    record InCluster(String stream) implements PullSource {
    }
}
