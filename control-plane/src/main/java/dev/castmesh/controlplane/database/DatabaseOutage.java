package dev.castmesh.controlplane.database;

import dev.castmesh.api.http.ApiError;
import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * A request that failed because the database does not answer (stopped, unreachable, no connection within
 * {@code [database] connect_timeout}) is answered 503 {@code database_unavailable} with {@code Retry-After}, never a
 * 500; the pool reconnects by itself once the database is back. Other database errors stay 500 {@code internal_error}.
 * Nothing about the database goes to the client; the log says what failed.
 */
final class DatabaseOutage {
    static final long RETRY_AFTER_SECONDS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutage.class);

    private DatabaseOutage() {
    }

    /** Whether {@code error} or one of its causes says that no connection could be had or kept. */
    static boolean isOutage(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectionException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException || t instanceof SQLRecoverableException
                    || t instanceof ConnectException
                    || (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08"))) {
                return true;
            }
        }
        return false;
    }

    static HttpResponse<ApiError> answer(Throwable error) {
        if (!isOutage(error)) {
            LOG.error("database error", error);
            return HttpResponse.<ApiError>status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body(new ApiError("internal_error", "internal error"));
        }
        LOG.warn("database unavailable: {}", rootCause(error));
        return HttpResponse.<ApiError>status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER_SECONDS))
                .body(new ApiError("database_unavailable", "the database does not answer; retry in "
                        + RETRY_AFTER_SECONDS + " s"));
    }

    private static String rootCause(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
