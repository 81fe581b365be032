package dev.castmesh.controlplane.streamview;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A WHIP or WHEP session as Liveman shows it, with the node that owns it beside.
 *
 * @param id             the control plane's routable session id {@code {alias}.{agent id}}: {@code PATCH}/{@code DELETE
 *                       /session/{stream}/{id}} work with it
 * @param createdAt      milliseconds since the epoch; for a viewer 0 (our agents do not report when a viewer joined)
 * @param leaveAt        milliseconds since the epoch when it left; 0 while present (the agents list present sessions)
 * @param state          WebRTC's connection state
 * @param hasDataChannel always false: our agents forward media only
 * @param stats          inbound for a publisher, outbound for a viewer
 * @param node           ours: the alias of the node the session is on
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SessionView(String id, long createdAt, long leaveAt, SessionState state, boolean hasDataChannel,
                          MediaStats stats, String node) {
}
