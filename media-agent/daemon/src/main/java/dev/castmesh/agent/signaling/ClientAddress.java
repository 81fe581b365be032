package dev.castmesh.agent.signaling;

import dev.castmesh.api.auth.Grant;
import dev.castmesh.api.cluster.AgentPaths;
import io.micronaut.http.HttpRequest;

import java.net.InetSocketAddress;

/**
 * Who an offer comes from, for the per-client budget of {@link PendingViewers}: the TCP peer, or the address the
 * control plane names in {@link AgentPaths#FORWARDED_FOR} when it proxies a viewer. The header is taken only from a
 * caller holding every right on every stream (the control plane's agent token; anyone, when the agent is open):
 * anyone else could name any address. Pure.
 */
final class ClientAddress {
    private static final int MAX_LENGTH = 64;

    private ClientAddress() {
    }

    /** @param caller the request's grant (null: none); {@code open}: the agent checks no tokens */
    static String of(HttpRequest<?> request, Grant caller, boolean open) {
        String forwarded = request.getHeaders().get(AgentPaths.FORWARDED_FOR);
        if (forwarded != null && (open || (caller != null && caller.includes(Grant.full())))) {
            String first = forwarded.split(",", 2)[0].trim();
            if (!first.isEmpty() && first.length() <= MAX_LENGTH) {
                return first;
            }
        }
        InetSocketAddress remote = request.getRemoteAddress();
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
