/**
 * The node registry: the {@code nodes} table (V2 migration, SQLite and PostgreSQL) is the state, so every
 * control-plane instance on one database sees every heartbeat. {@link dev.castmesh.controlplane.node.NodeRegistry}
 * is its one writer; readers get immutable {@link dev.castmesh.controlplane.node.NodeState}s whose online flag is
 * computed against the injected clock by {@link dev.castmesh.controlplane.node.NodeLiveness}. Secrets are stored as
 * SHA-256 (see {@link dev.castmesh.controlplane.node.SecretHash} for why not bcrypt); the agent's token is stored in
 * clear because the control plane must present it to that agent, and is never answered or logged.
 */
package dev.castmesh.controlplane.node;
