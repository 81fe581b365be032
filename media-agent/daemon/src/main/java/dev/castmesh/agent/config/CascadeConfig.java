package dev.castmesh.agent.config;

import dev.castmesh.api.cluster.Origin;
import dev.castmesh.server.config.ConfigException;

import java.util.ArrayList;
import java.util.List;

/**
 * The agent's {@code [cascade]} section: which remote endpoints {@code POST /api/cascade} may pull from or push to
 * besides the cluster's nodes (which the control plane lists in its heartbeat replies).
 *
 * @param allow origins such as {@code "http://10.0.0.7:7777"} (the port defaults to the scheme's), or with
 *              {@code :*} for any port of that host ({@code "http://127.0.0.1:*"}); empty by default, so a standalone
 *              agent cascades with nothing until it is listed
 */
public record CascadeConfig(List<String> allow) {
    public CascadeConfig {
        List<String> normalised = new ArrayList<>();
        List<String> given = allow == null ? List.of() : allow;
        for (int i = 0; i < given.size(); i++) {
            String entry = given.get(i) == null ? "" : given.get(i).trim();
            String key = "cascade.allow[" + i + "]";
            String raw = given.get(i);
            if (entry.endsWith(":*")) {
                String host = entry.substring(0, entry.length() - 2);
                String origin = Origin.of(host).orElseThrow(() -> new ConfigException(key
                        + " must be an http(s) origin such as \"http://10.0.0.7:7777\" or \"http://10.0.0.7:*\", got '"
                        + raw + "'"));
                normalised.add(origin.substring(0, origin.lastIndexOf(':')) + ":*");
            } else {
                String origin = Origin.of(entry).filter(o -> entry.indexOf('/', entry.indexOf("://") + 3) < 0)
                        .orElseThrow(() -> new ConfigException(key + " must be an http(s) origin without a path, such as"
                                + " \"http://10.0.0.7:7777\" or \"http://10.0.0.7:*\", got '" + raw + "'"));
                normalised.add(origin);
            }
        }
        allow = List.copyOf(normalised);
    }

    public static CascadeConfig defaults() {
        return new CascadeConfig(null);
    }

    /** Whether the configured list names {@code origin} ({@link Origin} form). */
    public boolean allows(String origin) {
        return allow.contains(origin) || allow.contains(origin.substring(0, origin.lastIndexOf(':')) + ":*");
    }
}
