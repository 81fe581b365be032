package dev.castmesh.gst.hub;

import dev.castmesh.gst.webrtc.IceServers;

import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/** What every stream of one engine shares: configuration, ICE servers, thread pools and the clock. */
record EngineContext(EngineOptions options, IceServers ice, Executor pool, ScheduledExecutorService scheduler,
                     Clock clock) {
}
