package dev.castmesh.controlplane.node;

/**
 * Who a heartbeat's bearer secret proves the sender to be, decided before its body is read
 * ({@link NodeRegistry#admit}).
 *
 * @param alias the node the heartbeat is for
 * @param kind  what the heartbeat may do
 */
public record Admission(String alias, Kind kind) {

    public enum Kind {
        /** The node's own secret (its enrolment credential, or the one set through the API): record the heartbeat. */
        NODE,
        /**
         * The cluster secret for an alias that is not registered (auto-registration on), or for a node registered
         * before enrolment existed, whose stored secret is still the cluster secret: enrol it with a new credential.
         */
        ENROL,
        /**
         * The cluster secret for an enrolled node: enrolled again (a new credential) only if the heartbeat carries
         * the grant key the node enrolled with, which only that agent and the registry know. So an agent whose
         * enrolment answer was lost (a timeout) is not locked out, and the cluster secret alone still moves nothing.
         */
        REENROL,
        /** Anything else: nothing is read or written (401). */
        REJECTED
    }

    public boolean rejected() {
        return kind == Kind.REJECTED;
    }
}
