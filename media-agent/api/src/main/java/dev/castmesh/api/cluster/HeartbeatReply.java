package dev.castmesh.api.cluster;

import java.util.List;

/**
 * The control plane's answer to a heartbeat (JSON): 201 when the heartbeat enrolled the node, 200 otherwise.
 *
 * @param credential     only in the enrolment answer (201), shown this once: the node's own secret from now on. The agent
 *                       keeps it in its working directory and sends it instead of the cluster secret; the control plane
 *                       stores only its SHA-256. Null in every other answer
 * @param cascadeOrigins the origins ({@code scheme://host:port}) this node may cascade with: every registered node's
 *                       public URL and the external sources of the control plane's pull rules. The agent's
 *                       {@code POST /api/cascade} refuses any other URL
 */
public record HeartbeatReply(String credential, List<String> cascadeOrigins) {
    public HeartbeatReply {
        cascadeOrigins = cascadeOrigins == null ? List.of() : List.copyOf(cascadeOrigins);
    }

    @Override
    public String toString() {
        return "HeartbeatReply[credential=" + (credential == null ? "none" : "***") + ", cascadeOrigins=" + cascadeOrigins + "]";
    }
}
