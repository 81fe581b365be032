/** Cluster-wide periodic jobs: leases in the shared database so that one control plane runs each period. */
package dev.castmesh.controlplane.jobs;
