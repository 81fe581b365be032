package dev.castmesh.agent.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;

/** {@code GET /metrics}: Prometheus text (DESIGN.md; admin in the rights table). */
@Controller("/metrics")
final class MetricsController {
    private final PrometheusMeterRegistry registry;

    MetricsController(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Get
    @Produces(MediaType.TEXT_PLAIN)
    String scrape() {
        return registry.scrape();
    }
}
