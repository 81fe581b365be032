package dev.castmesh.controlplane.database;

import dev.castmesh.api.http.ApiError;
import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * The exceptions Micronaut Data throws when the database fails (a query, a connection it cannot get or keep), each
 * answered by {@link DatabaseOutage}: 503 with Retry-After when the database does not answer.
 */
final class DatabaseErrorHandlers {
    private DatabaseErrorHandlers() {
    }

    private abstract static class Handler<T extends Throwable> implements ExceptionHandler<T, HttpResponse<ApiError>> {
        @Override
        public HttpResponse<ApiError> handle(HttpRequest request, T exception) {
            return DatabaseOutage.answer(exception);
        }
    }

    @Produces
    @Singleton
    static final class Query extends Handler<DataAccessException> {
    }

    @Produces
    @Singleton
    static final class Connection extends Handler<ConnectionException> {
    }

    @Produces
    @Singleton
    static final class NoConnection extends Handler<CannotGetJdbcConnectionException> {
    }
}
