package dev.castmesh.controlplane.database;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

/**
 * Gives the pool the decoded user name and password. They are set here rather than as Micronaut properties
 * because property values go through placeholder resolution, which would change a password containing {@code ${}.
 */
@Singleton
final class DataSourceCredentials implements BeanCreatedEventListener<DatasourceConfiguration> {
    private final DatabaseUrl url;

    DataSourceCredentials(DatabaseConfig config) {
        this.url = config.parsedUrl();
    }

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration configuration = event.getBean();
        if ("default".equals(configuration.getName())) {
            configuration.setUsername(url.username());
            configuration.setPassword(url.password());
        }
        return configuration;
    }
}
