/**
 * Cascades between agents (issue 4 §3): copies of a stream on other nodes, set up through each agent's
 * {@code POST /api/cascade/{stream}} ({@link dev.castmesh.api.cluster.CascadeRequest}).
 *
 * <ul>
 *   <li>{@link dev.castmesh.controlplane.cascade.ClusterCascades}: the {@code CascadeStarter} of WHEP routing
 *       (overflow and {@code [[cascade.pull]]} rules) and the operator's links; single-flight per (stream, target).</li>
 *   <li>{@link dev.castmesh.controlplane.cascade.CascadeController}: {@code POST /api/cascade/{stream}} (admin).</li>
 *   <li>{@link dev.castmesh.controlplane.cascade.CascadeReconciler} (pure) and
 *       {@link dev.castmesh.controlplane.cascade.ReconcileTask} (its schedule): autopush and re-attach.</li>
 *   <li>{@link dev.castmesh.controlplane.cascade.AgentCascades}: the HTTP calls and their error mapping.</li>
 * </ul>
 * No state here is needed for correctness: the registry (heartbeats in the database) says which node carries what,
 * so any control-plane instance can route or reconcile; the in-memory single-flight and memories only spare calls.
 */
package dev.castmesh.controlplane.cascade;
