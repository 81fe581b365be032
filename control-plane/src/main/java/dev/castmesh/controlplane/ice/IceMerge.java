package dev.castmesh.controlplane.ice;

import dev.castmesh.api.ice.IceServer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The ICE servers of a WHIP/WHEP answer through the control plane, in this order: the agent's own (its
 * {@code Link} headers) unless {@code override_upstream_ice_servers}, then the static ones, then coturn's, then
 * Cloudflare's. An entry equal to an earlier one (same urls, username and credential) is dropped. Pure.
 */
public final class IceMerge {
    private IceMerge() {
    }

    public static List<IceServer> merge(List<IceServer> upstream, boolean overrideUpstream, List<IceServer> statics,
                                        List<IceServer> coturn, List<IceServer> cloudflare) {
        LinkedHashSet<IceServer> merged = new LinkedHashSet<>();
        if (!overrideUpstream) {
            merged.addAll(upstream);
        }
        merged.addAll(statics);
        merged.addAll(coturn);
        merged.addAll(cloudflare);
        return List.copyOf(new ArrayList<>(merged));
    }
}
