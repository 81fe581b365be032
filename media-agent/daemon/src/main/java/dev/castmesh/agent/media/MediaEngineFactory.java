package dev.castmesh.agent.media;

import dev.castmesh.agent.config.AgentConfig;
import dev.castmesh.gst.hub.EngineOptions;
import dev.castmesh.gst.hub.MediaEngine;
import dev.castmesh.gst.webrtc.LossRepair;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;

import java.time.Duration;

/**
 * The one {@link MediaEngine} of the agent, started with the context (so a missing GStreamer plugin stops
 * start-up) and closed on shutdown, which ends every stream. Only this bean talks to GStreamer.
 */
@Factory
final class MediaEngineFactory {
    @Context
    @Bean(preDestroy = "close")
    MediaEngine mediaEngine(AgentConfig config) {
        return MediaEngine.start(new EngineOptions(EngineUrls.of(config.iceServers()),
                config.webrtc().negotiationTimeout(), config.webrtc().sessionIdleTimeout(),
                new LossRepair(config.media().lossRepair(), Duration.ofMillis(config.media().jitterBufferMs()),
                        config.media().maxRetransmissionsPerSecond()),
                config.webrtc().sdpLimits(), config.strategy().maxStreams()));
    }
}
