package dev.castmesh.api.cluster;

/**
 * What an agent accepts (its {@code [strategy]} section), reported in every heartbeat.
 *
 * @param maxViewers       viewers over all streams of the agent
 * @param eachStreamMaxSub viewers of one stream on the agent
 */
public record NodeCapacity(int maxViewers, int eachStreamMaxSub) {
}
