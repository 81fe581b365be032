package dev.castmesh.agent.metrics;

import dev.castmesh.gst.hub.MediaEngine;
import dev.castmesh.gst.hub.StreamSnapshot;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** The agent's gauges: streams, publisher and viewer sessions, bitrate in and out. Read from engine snapshots at scrape time. */
@Singleton
final class AgentMeters implements MeterBinder {
    private final MediaEngine engine;

    AgentMeters(MediaEngine engine) {
        this.engine = engine;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(registry, "castmesh.agent.streams", "streams with a publisher", List::size);
        gauge(registry, "castmesh.agent.viewers", "viewer (WHEP) sessions",
                streams -> streams.stream().mapToInt(s -> s.viewers().size()).sum());
        gauge(registry, "castmesh.agent.bitrate.in.bps", "bits per second received from publishers",
                streams -> streams.stream().filter(s -> s.publisher() != null).mapToLong(s -> s.publisher().bitrateBps()).sum());
        gauge(registry, "castmesh.agent.bitrate.out.bps", "bits per second sent to viewers",
                streams -> streams.stream().flatMap(s -> s.viewers().stream()).mapToLong(v -> v.bitrateBps()).sum());
    }

    private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<List<StreamSnapshot>> value) {
        Gauge.builder(name, engine, e -> value.applyAsDouble(e.streams())).description(description).register(registry);
    }
}
