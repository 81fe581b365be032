package dev.castmesh.api.cluster;

/**
 * What an agent accepts (its {@code [strategy]} section), reported in every heartbeat.
 *
 * @param maxViewers       viewers over all streams of the agent
 * @param eachStreamMaxSub viewers of one stream on the agent
 * @param maxStreams       streams (publishers and cascade copies) the agent carries at once; null: not reported (an
 *                         older agent), no limit known
 */
public record NodeCapacity(int maxViewers, int eachStreamMaxSub, Integer maxStreams) {
}
