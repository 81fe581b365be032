package dev.castmesh.api.cluster;

/**
 * An agent's load at heartbeat time.
 *
 * @param cpuRatio      recent CPU use of the agent's own process (not the whole host: other processes on the
 *                      machine are not counted), as a share of all cores: 0.0 (idle) to 1.0 (every core busy
 *                      with this agent); 0 when the agent's JVM cannot tell
 * @param bitrateInBps  what the agent receives from publishers and cascade sources, bits per second
 * @param bitrateOutBps what it sends to viewers and cascade targets, bits per second
 * @param sessions      WHIP + WHEP sessions, cascade legs included
 */
public record NodeLoad(double cpuRatio, long bitrateInBps, long bitrateOutBps, int sessions) {
}
