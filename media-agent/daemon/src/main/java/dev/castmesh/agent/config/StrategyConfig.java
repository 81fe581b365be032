package dev.castmesh.agent.config;

import dev.castmesh.server.config.ConfigException;

/**
 * The {@code [strategy]} section (Live777 names).
 *
 * @param eachStreamMaxSub viewers one stream may have; the next WHEP request gets 503 (default 200)
 * @param maxViewers       viewers over all streams of this agent; the next WHEP request gets 503 (default 500)
 * @param maxStreams       streams this agent carries at once, publishers and cascade copies; the next WHIP (or
 *                         cascade) for another stream gets 503 {@code agent_full} (default 100)
 */
public record StrategyConfig(Integer eachStreamMaxSub, Integer maxViewers, Integer maxStreams) {
    public static final int DEFAULT_EACH_STREAM_MAX_SUB = 200;
    public static final int DEFAULT_MAX_VIEWERS = 500;
    public static final int DEFAULT_MAX_STREAMS = 100;

    public StrategyConfig {
        eachStreamMaxSub = eachStreamMaxSub == null ? DEFAULT_EACH_STREAM_MAX_SUB : eachStreamMaxSub;
        maxViewers = maxViewers == null ? DEFAULT_MAX_VIEWERS : maxViewers;
        maxStreams = maxStreams == null ? DEFAULT_MAX_STREAMS : maxStreams;
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
        return new StrategyConfig(null, null, null);
    }
}
