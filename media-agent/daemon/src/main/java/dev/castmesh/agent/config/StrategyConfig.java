package dev.castmesh.agent.config;

import dev.castmesh.server.config.ConfigException;

import java.time.Duration;

/**
 * The {@code [strategy]} section (Live777 names).
 *
 * @param eachStreamMaxSub viewers one stream may have; the next WHEP request gets 503 (default 200)
 * @param maxViewers       viewers over all streams of this agent; the next WHEP request gets 503 (default 500)
 * @param maxStreams       streams this agent carries at once, publishers and cascade copies; the next WHIP (or
 *                         cascade) for another stream gets 503 {@code agent_full} (default 100)
 * @param maxPendingPerClient viewers of one client address still connecting (offered, not yet connected); its next
 *                         WHEP request gets 429 {@code too_many_pending} (default 16; not a Live777 key)
 * @param pendingTimeout   a viewer not connected this long after its offer is ended, within half a second (seconds,
 *                         1 to 30, default 9: gone within 10 s)
 */
public record StrategyConfig(Integer eachStreamMaxSub, Integer maxViewers, Integer maxStreams,
                             Integer maxPendingPerClient, Duration pendingTimeout) {
    public static final int DEFAULT_EACH_STREAM_MAX_SUB = 200;
    public static final int DEFAULT_MAX_VIEWERS = 500;
    public static final int DEFAULT_MAX_STREAMS = 100;
    public static final int DEFAULT_MAX_PENDING_PER_CLIENT = 16;
    public static final Duration DEFAULT_PENDING_TIMEOUT = Duration.ofSeconds(9);

    public StrategyConfig {
        eachStreamMaxSub = eachStreamMaxSub == null ? DEFAULT_EACH_STREAM_MAX_SUB : eachStreamMaxSub;
        maxViewers = maxViewers == null ? DEFAULT_MAX_VIEWERS : maxViewers;
        maxStreams = maxStreams == null ? DEFAULT_MAX_STREAMS : maxStreams;
        maxPendingPerClient = maxPendingPerClient == null ? DEFAULT_MAX_PENDING_PER_CLIENT : maxPendingPerClient;
        pendingTimeout = pendingTimeout == null ? DEFAULT_PENDING_TIMEOUT : pendingTimeout;
        if (maxPendingPerClient < 1) {
            throw new ConfigException("strategy.max_pending_per_client must be at least 1, got " + maxPendingPerClient);
        }
        if (pendingTimeout.compareTo(Duration.ofSeconds(1)) < 0 || pendingTimeout.compareTo(Duration.ofSeconds(30)) > 0) {
            throw new ConfigException("strategy.pending_timeout must be 1 to 30 seconds, got " + pendingTimeout.toSeconds());
        }
        if (maxStreams < 1) {
            throw new ConfigException("strategy.max_streams must be at least 1, got " + maxStreams);
        }
        if (eachStreamMaxSub < 1) {
            throw new ConfigException("strategy.each_stream_max_sub must be at least 1, got " + eachStreamMaxSub);
        }
        if (maxViewers < 1) {
            throw new ConfigException("strategy.max_viewers must be at least 1, got " + maxViewers);
        }
    }

    public static StrategyConfig defaults() {
        return new StrategyConfig(null, null, null, null, null);
    }
}
