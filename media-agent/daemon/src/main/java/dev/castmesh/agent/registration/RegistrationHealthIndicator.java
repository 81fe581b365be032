package dev.castmesh.agent.registration;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * {@code registration} in {@code /health}: the heartbeat sender's state. Always UP: the agent serves its own API
 * whether or not the control plane answers; the details say how registration is going.
 */
@Singleton
@Requires(beans = HeartbeatSender.class)
final class RegistrationHealthIndicator implements HealthIndicator {
    private final HeartbeatSender sender;

    RegistrationHealthIndicator(HeartbeatSender sender) {
        this.sender = sender;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.just(HealthResult.builder("registration", HealthStatus.UP).details(sender.status()).build());
    }
}
