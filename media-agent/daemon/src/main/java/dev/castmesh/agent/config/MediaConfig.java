package dev.castmesh.agent.config;

import dev.castmesh.gst.webrtc.LossRepair;
import dev.castmesh.server.config.ConfigException;

/**
 * Our own {@code [media]} section: loss repair on every leg (publishers, viewers, cascades).
 *
 * @param lossRepair     negotiate NACK and RTX (default true); false leaves only key-frame requests
 * @param jitterBufferMs how long the agent's receive jitter buffer waits for a retransmission before it lets a gap
 *                       through, 20 to 2000 ms (default 200: 1.5 round trips plus a margin on a 100 ms path)
 * @param maxRetransmissionsPerSecond NACKed packets retransmitted to one peer a second at most, 1 to 100000 (default
 *                                    200); a peer that asks for more is refused the rest
 */
public record MediaConfig(Boolean lossRepair, Integer jitterBufferMs, Integer maxRetransmissionsPerSecond) {
    public static final int DEFAULT_JITTER_BUFFER_MS = 200;

    public MediaConfig {
        lossRepair = lossRepair == null || lossRepair;
        jitterBufferMs = jitterBufferMs == null ? DEFAULT_JITTER_BUFFER_MS : jitterBufferMs;
        if (jitterBufferMs < 20 || jitterBufferMs > 2000) {
            throw new ConfigException("media.jitter_buffer_ms must be 20 to 2000, got " + jitterBufferMs);
        }
        maxRetransmissionsPerSecond = maxRetransmissionsPerSecond == null
                ? LossRepair.DEFAULT_RETRANSMISSIONS_PER_SECOND : maxRetransmissionsPerSecond;
        if (maxRetransmissionsPerSecond < 1 || maxRetransmissionsPerSecond > 100_000) {
            throw new ConfigException("media.max_retransmissions_per_second must be 1 to 100000, got "
                    + maxRetransmissionsPerSecond);
        }
    }

    public static MediaConfig defaults() {
        return new MediaConfig(null, null, null);
    }
}
