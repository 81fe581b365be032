package dev.castmesh.agent.config;

import dev.castmesh.server.config.ConfigException;

/**
 * Our own {@code [media]} section: loss repair on every leg (publishers, viewers, cascades).
 *
 * @param lossRepair     negotiate NACK and RTX (default true); false leaves only key-frame requests
 * @param jitterBufferMs how long the agent's receive jitter buffer waits for a retransmission before it lets a gap
 *                       through, 20 to 2000 ms (default 200: 1.5 round trips plus a margin on a 100 ms path)
 */
public record MediaConfig(Boolean lossRepair, Integer jitterBufferMs) {
    public static final int DEFAULT_JITTER_BUFFER_MS = 200;

    public MediaConfig {
        lossRepair = lossRepair == null || lossRepair;
        jitterBufferMs = jitterBufferMs == null ? DEFAULT_JITTER_BUFFER_MS : jitterBufferMs;
        if (jitterBufferMs < 20 || jitterBufferMs > 2000) {
            throw new ConfigException("media.jitter_buffer_ms must be 20 to 2000, got " + jitterBufferMs);
        }
    }

    public static MediaConfig defaults() {
        return new MediaConfig(null, null);
    }
}
