package dev.castmesh.controlplane.node;

/**
 * What a heartbeat did.
 *
 * @param result     see {@link Result}
 * @param credential the new node's credential when {@code result} is {@link Result#ENROLLED} (answered once), else null
 */
public record HeartbeatOutcome(Result result, String credential) {

    public enum Result { UPDATED, ENROLLED, REJECTED }

    static HeartbeatOutcome updated() {
        return new HeartbeatOutcome(Result.UPDATED, null);
    }

    static HeartbeatOutcome rejected() {
        return new HeartbeatOutcome(Result.REJECTED, null);
    }

    @Override
    public String toString() {
        return "HeartbeatOutcome[result=" + result + ", credential=" + (credential == null ? "none" : "***") + "]";
    }
}
