package dev.castmesh.agent.config;

import dev.castmesh.server.config.ConfigException;

/**
 * The {@code [strategy]} section (Live777 names).
 *
 * @param eachStreamMaxSub viewers one stream may have; the next WHEP request gets 503 (default 200)
 * @param maxViewers       viewers over all streams of this agent; the next WHEP request gets 503 (default 500)
 */
public record StrategyConfig(Integer eachStreamMaxSub, Integer maxViewers) {
    public static final int DEFAULT_EACH_STREAM_MAX_SUB = 200;
    public static final int DEFAULT_MAX_VIEWERS = 500;

    public StrategyConfig {
        eachStreamMaxSub = eachStreamMaxSub == null ? DEFAULT_EACH_STREAM_MAX_SUB : eachStreamMaxSub;
        maxViewers = maxViewers == null ? DEFAULT_MAX_VIEWERS : maxViewers;
        if (eachStreamMaxSub < 1) {
            throw new ConfigException("strategy.each_stream_max_sub must be at least 1, got " + eachStreamMaxSub);
        }
        if (maxViewers < 1) {
            throw new ConfigException("strategy.max_viewers must be at least 1, got " + maxViewers);
        }
    }

    public static StrategyConfig defaults() {
        return new StrategyConfig(null, null);
    }
}
