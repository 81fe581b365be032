/**
 * Liveman's stream views of the cluster ({@code GET /api/streams/}, {@code GET /api/streams/{id}}, the SSE snapshots):
 * Liveman's {@code Stream} shape (binbat/live777 {@code libs/api/src/response.rs}) with our cluster fields beside,
 * built by a pure {@link dev.castmesh.controlplane.streamview.StreamViews} from the registry's heartbeats and the
 * agents' session lists ({@link dev.castmesh.controlplane.streamview.AgentStreamDetails}: on demand, cached 1 s).
 */
package dev.castmesh.controlplane.streamview;
