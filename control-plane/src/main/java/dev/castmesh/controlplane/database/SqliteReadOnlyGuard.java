package dev.castmesh.controlplane.database;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;

import javax.sql.DataSource;

/**
 * On SQLite, wraps the pool first (before Micronaut Data's own wrappers) so that Micronaut Data's
 * {@code setReadOnly(true)} on reads is ignored; see {@link ReadOnlyIgnoringDataSource}. PostgreSQL is left alone.
 */
@Singleton
final class SqliteReadOnlyGuard implements BeanCreatedEventListener<DataSource>, Ordered {
    private final boolean sqlite;

    SqliteReadOnlyGuard(DatabaseConfig config) {
        this.sqlite = config.parsedUrl() instanceof SqliteUrl;
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        DataSource dataSource = event.getBean();
        if (!sqlite || dataSource instanceof ReadOnlyIgnoringDataSource) {
            return dataSource;
        }
        return new ReadOnlyIgnoringDataSource(dataSource);
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }
}
