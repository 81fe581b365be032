/**
 * The cluster contract between agents and the control plane: the heartbeat body and its parts, the node view of
 * {@code GET /api/nodes}, node create/update requests and the agent API path builders. Units are in the names
 * ({@code bitrateInBps}, {@code cpuRatio}); JSON field names are the record component names.
 */
package dev.castmesh.api.cluster;
