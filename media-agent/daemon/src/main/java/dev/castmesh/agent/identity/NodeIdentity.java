package dev.castmesh.agent.identity;

/**
 * What the agent keeps about itself between runs ({@link NodeIdentityStore}).
 *
 * @param controlPlane the control plane that enrolled this node, null before enrolment
 * @param alias        the alias it was enrolled as, null before enrolment
 * @param credential   the node's own heartbeat secret from that enrolment, null before enrolment
 * @param grantKey     the HS256 key (43 characters of base64url, 256 random bits) the agent accepts the control
 *                     plane's stream-scoped cascade tokens with; made on first start, reported in heartbeats
 */
public record NodeIdentity(String controlPlane, String alias, String credential, String grantKey) {

    /** The credential, if it was enrolled by this control plane as this alias (else the configured secret applies). */
    public String credentialFor(String controlPlaneUrl, String nodeAlias) {
        return credential != null && controlPlaneUrl.equals(controlPlane) && nodeAlias.equals(alias) ? credential : null;
    }

    public NodeIdentity enrolled(String controlPlaneUrl, String nodeAlias, String newCredential) {
        return new NodeIdentity(controlPlaneUrl, nodeAlias, newCredential, grantKey);
    }

    @Override
    public String toString() {
        return "NodeIdentity[controlPlane=" + controlPlane + ", alias=" + alias + ", credential="
                + (credential == null ? "none" : "***") + ", grantKey=***]";
    }
}
