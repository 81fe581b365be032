package dev.castmesh.controlplane.signaling;

import dev.castmesh.api.cluster.NodeAlias;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The session ids the control plane hands out in {@code Location: /session/{stream}/{id}}: {@code {alias}.{agent id}},
 * e.g. {@code agent-1.q3Jd0v7TQ2mZ1xk8Yb4W0A}. The alias ({@link NodeAlias}: letters, digits, {@code _ -}, no dot)
 * names the node that owns the session and the rest is the agent's own session id, unchanged (the agent's ids are
 * base64url; any of {@code A-Z a-z 0-9 - _ . ~} up to {@value #MAX_AGENT_ID} characters is accepted). The id splits at
 * its first dot, is URL-safe as it stands (RFC 3986 unreserved characters only), and needs no shared session table:
 * any control-plane instance can route {@code PATCH}/{@code DELETE} from the id alone. Pure.
 */
public record SessionId(String alias, String agentSessionId) {
    public static final int MAX_AGENT_ID = 128;
    private static final Pattern AGENT_ID = Pattern.compile("[A-Za-z0-9._~-]{1," + MAX_AGENT_ID + "}");

    public SessionId {
        NodeAlias.validate(alias);
        if (agentSessionId == null || !AGENT_ID.matcher(agentSessionId).matches()) {
            throw new IllegalArgumentException("agent session id must be 1 to " + MAX_AGENT_ID
                    + " characters of A-Z, a-z, 0-9, '-', '_', '.' and '~'");
        }
    }

    public String encode() {
        return alias + "." + agentSessionId;
    }

    public static Optional<SessionId> decode(String id) {
        if (id == null) {
            return Optional.empty();
        }
        int dot = id.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SessionId(id.substring(0, dot), id.substring(dot + 1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return encode();
    }
}
