/**
 * The agent's identity in a cluster: the credential its enrolment answered (its heartbeat secret from then on) and
 * the grant key the control plane signs cascade-leg tokens for it with, both kept in {@code [cluster] identity_file}.
 */
package dev.castmesh.agent.identity;
