package dev.castmesh.controlplane.testing;

import dev.castmesh.controlplane.ControlPlane;
import dev.castmesh.controlplane.cascade.CascadeConfig;
import dev.castmesh.controlplane.config.ControlPlaneConfig;
import dev.castmesh.controlplane.config.HttpConfig;
import dev.castmesh.controlplane.database.DatabaseConfig;
import dev.castmesh.controlplane.node.ClusterConfig;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real control plane on a free port, started through {@link ControlPlane#start} like production. One per database
 * kind is shared by the whole test JVM (boot costs about a second) and stopped by Micronaut's shutdown hook; tests
 * empty the tables with {@link #reset()}. Others are started and closed by the test that needs them.
 */
public final class TestControlPlane implements AutoCloseable {
    /** The databases every contract test runs on. */
    public enum Db { SQLITE, POSTGRES }

    /** The cluster secret of the test configuration. */
    public static final String CLUSTER_SECRET = "test-cluster-secret-0123456789";
    /** Where the clock of a test control plane starts. */
    public static final Instant START = Instant.parse("2026-11-20T08:00:00.123Z");

    private static final Map<Db, TestControlPlane> SHARED = new EnumMap<>(Db.class);

    public final ApplicationContext context;
    public final MutableClock clock;
    public final String databaseUrl;
    private HttpClient client;
    /** Credentials from enrolments, by database URL and alias: instances on one database share them. */
    private static final Map<String, String> CREDENTIALS = new ConcurrentHashMap<>();

    private TestControlPlane(ApplicationContext context, MutableClock clock, String databaseUrl) {
        this.context = context;
        this.clock = clock;
        this.databaseUrl = databaseUrl;
    }

    public static synchronized TestControlPlane shared(Db db) {
        // No shutdown hook of our own: Micronaut registers one that stops the server and the context, and a second
        // hook closing the same context concurrently deadlocks with it (seen: NettyHttpServer.stop vs context.stop).
        return SHARED.computeIfAbsent(db, kind -> start(freshUrl(kind), 10, Duration.ofSeconds(30)));
    }

    /** A new empty database of that kind. */
    public static String freshUrl(Db db) {
        return switch (db) {
            case SQLITE -> "sqlite://" + tempDirectory().resolve("castmesh.db") + "?mode=rwc";
            case POSTGRES -> PostgresServer.get().createDatabase();
        };
    }

    public static TestControlPlane start(String databaseUrl, int maxConnections, Duration connectTimeout) {
        return start(config(databaseUrl, maxConnections, connectTimeout));
    }

    /**
     * The test configuration: a free port on loopback, that database, open auth, and {@code [cluster]} with
     * auto-registration and the secret {@link #CLUSTER_SECRET}; the cascade reconciler off (tests that want it
     * turn it on or call {@code ReconcileTask.runOnce()}).
     */
    public static ControlPlaneConfig config(String databaseUrl, int maxConnections, Duration connectTimeout) {
        return new ControlPlaneConfig(new HttpConfig("127.0.0.1:0", null, null, null),
                new DatabaseConfig(databaseUrl, maxConnections, connectTimeout), null)
                .withCluster(new ClusterConfig(true, CLUSTER_SECRET, null, null, null))
                .withCascade(new CascadeConfig(null, null, Duration.ZERO, null));
    }

    /** Starts with any configuration, on a clock set to {@link #START}. */
    public static TestControlPlane start(ControlPlaneConfig config) {
        MutableClock clock = new MutableClock(START);
        return new TestControlPlane(ControlPlane.start(config, clock), clock, config.database().url());
    }

    private static Path tempDirectory() {
        try {
            Path dir = Files.createTempDirectory("castmesh-test");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URL url() {
        return context.getBean(EmbeddedServer.class).getURL();
    }

    public synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.create(url());
        }
        return client;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /**
     * The pool itself (on SQLite with the read-only guard), not Micronaut Data's contextual wrapper that only works
     * inside a connection or transaction scope.
     */
    public DataSource dataSource() {
        return DelegatingDataSource.unwrapDataSource(bean(DataSource.class));
    }

    /**
     * A heartbeat as an agent sends it: the first one for an alias with {@link #CLUSTER_SECRET} (201, which enrols it),
     * the later ones with the credential that answer gave (200).
     */
    public Reply heartbeat(String alias, String json) {
        String credential = credential(alias);
        Reply reply = Reply.send(client(), Beats.request(alias, credential == null ? CLUSTER_SECRET : credential, json));
        if (reply.status() == 201) {
            CREDENTIALS.put(databaseUrl + " " + alias, reply.json().get("credential").asText());
        }
        return reply;
    }

    /** The credential {@link #heartbeat} enrolled {@code alias} with, or null. */
    public String credential(String alias) {
        return CREDENTIALS.get(databaseUrl + " " + alias);
    }

    /** Deletes every recording, node and event and puts the clock back to its start. */
    public void reset() {
        clock.set(START);
        CREDENTIALS.keySet().removeIf(key -> key.startsWith(databaseUrl + " "));
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM recordings");
            statement.executeUpdate("DELETE FROM nodes");
            statement.executeUpdate("DELETE FROM events");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
        }
        if (context.isRunning()) {
            context.close();
        }
    }
}
