/**
 * WHIP/WHEP through the control plane (DESIGN.md "Control plane").
 *
 * <ul>
 *   <li>{@link dev.castmesh.controlplane.signaling.SignalingProxy}: registry snapshot → pure placement → the chosen
 *       agent, called with the agent's token from its heartbeat (never the client's) → 201 with the answer,
 *       {@code Location: /session/{stream}/{alias}.{agent session id}} ({@link dev.castmesh.controlplane.signaling.SessionId}),
 *       the agent's {@code ETag}, merged {@code Link} ice servers. Agent errors keep status and body; a refused
 *       agent token is 502 {@code agent_rejected_token}; no answer is 502 {@code agent_unreachable}.</li>
 *   <li>{@code PATCH}/{@code DELETE /session/...}: the session id names the node; no shared session table.</li>
 *   <li>{@code /api/streams}: the streamview package (Liveman's stream views; sessions from the agents).</li>
 *   <li>Overflow: placement answers {@code CascadeNeeded}, and a WHEP for a stream nobody carries may match a pull
 *       rule; {@link dev.castmesh.controlplane.signaling.CascadeStarter} (the cascade package) sets the copy up before
 *       the viewer is sent to it.</li>
 * </ul>
 */
package dev.castmesh.controlplane.signaling;
