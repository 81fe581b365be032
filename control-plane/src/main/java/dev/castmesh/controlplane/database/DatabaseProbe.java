package dev.castmesh.controlplane.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.ServiceLoader;

/**
 * Opens one connection before the application starts, so a wrong or unreachable database stops start-up with
 * one clear line instead of a framework stack trace.
 */
public final class DatabaseProbe {
    private DatabaseProbe() {
    }

    /** @throws DatabaseUnavailableException naming the masked URL and the driver's reason */
    public static void check(DatabaseConfig config) {
        DatabaseUrl url = config.parsedUrl();
        if (url instanceof SqliteUrl sqlite && sqlite.mode() != SqliteMode.RWC && sqlite.mode() != SqliteMode.MEMORY
                && !Files.exists(Path.of(sqlite.path()))) {
            throw new DatabaseUnavailableException("cannot open database " + url.masked() + ": file " + sqlite.path()
                    + " does not exist (mode=" + sqlite.mode().name().toLowerCase(Locale.ROOT) + " opens an existing file;"
                    + " use ?mode=rwc to create it)");
        }
        try (Connection connection = connect(url, config.connectTimeout())) {
            if (!connection.isValid((int) Math.max(1, config.connectTimeout().toSeconds()))) {
                throw new SQLException("connection is not valid");
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("cannot connect to database " + url.masked() + ": " + reason(e));
        }
    }

    private static Connection connect(DatabaseUrl url, Duration timeout) throws SQLException {
        String jdbcUrl = url.jdbcUrl(timeout);
        Properties properties = new Properties();
        if (url.username() != null) {
            properties.setProperty("user", url.username());
        }
        if (url.password() != null) {
            properties.setProperty("password", url.password());
        }
        for (Driver driver : ServiceLoader.load(Driver.class, DatabaseProbe.class.getClassLoader())) {
            if (driver.getClass().getName().equals(url.driverClassName())) {
                Connection connection = driver.connect(jdbcUrl, properties);
                if (connection != null) {
                    return connection;
                }
            }
        }
        throw new SQLException("JDBC driver " + url.driverClassName() + " is not on the class path");
    }

    private static String reason(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return DatabaseUrl.maskText(message.strip().replaceAll("\\s*\\R\\s*", " "));
    }
}
