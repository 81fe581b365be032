package dev.castmesh.api.cluster;

import java.nio.charset.StandardCharsets;

/**
 * Paths of the agent API (DESIGN.md) and of the agent-facing control-plane routes, with every variable
 * percent-encoded as one path segment (stream names may hold {@code :}, {@code @}, {@code +} or non-ASCII letters).
 */
public final class AgentPaths {
    private static final String UNRESERVED = "-._~";

    private AgentPaths() {
    }

    /**
     * The header in which the control plane tells an agent whose offer it proxies (the client's TCP address), for the
     * agent's per-client budgets; agents take it only from callers with every right.
     */
    public static final String FORWARDED_FOR = "X-Forwarded-For";

    public static String whip(String stream) {
        return "/whip/" + segment(stream);
    }

    public static String whep(String stream) {
        return "/whep/" + segment(stream);
    }

    public static String session(String stream, String session) {
        return "/session/" + segment(stream) + "/" + segment(session);
    }

    public static String streams() {
        return "/api/streams";
    }

    public static String stream(String stream) {
        return "/api/streams/" + segment(stream);
    }

    public static String cascade(String stream) {
        return "/api/cascade/" + segment(stream);
    }

    public static String record(String stream) {
        return "/api/record/" + segment(stream);
    }

    /** Control plane: where an agent sends its heartbeat. */
    public static String heartbeat(String alias) {
        return "/api/nodes/" + segment(alias) + "/heartbeat";
    }

    /** Percent-encodes everything but RFC 3986 unreserved characters (UTF-8). */
    public static String segment(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || UNRESERVED.indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return out.toString();
    }
}
