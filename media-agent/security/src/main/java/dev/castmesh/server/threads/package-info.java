/** Threads both servers start for periodic work. */
package dev.castmesh.server.threads;
