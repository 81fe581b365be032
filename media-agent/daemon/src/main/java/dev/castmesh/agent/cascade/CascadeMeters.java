package dev.castmesh.agent.cascade;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Singleton;

/** Cascade gauges: copies pulled into this agent and pushes out of it, read at scrape time. */
@Singleton
final class CascadeMeters implements MeterBinder {
    private final CascadeManager manager;

    CascadeMeters(CascadeManager manager) {
        this.manager = manager;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("castmesh.agent.cascade.pulls", manager, CascadeManager::pullCount)
                .description("cascade copies pulled into this agent").register(registry);
        Gauge.builder("castmesh.agent.cascade.pushes", manager, CascadeManager::pushCount)
                .description("cascade pushes from this agent to others").register(registry);
    }
}
