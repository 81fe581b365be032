package dev.castmesh.controlplane.database;

import dev.castmesh.controlplane.testing.PostgresServer;
import dev.castmesh.controlplane.testing.Reply;
import dev.castmesh.controlplane.testing.TestControlPlane;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The seed's URL form {@code postgresql://user:password@host:port/db} against a real PostgreSQL, with a user whose
 * name and password need percent-encoding; the embedded server checks the password (scram-sha-256).
 */
class PostgresUrlIT {
    private static final String USER = "cm user@ops";
    private static final String PASSWORD = "p@ss:w/rd%${x}?#&+ é";
    private static final String DATABASE = "castmesh_url_it";
    private static PostgresServer server;

    @BeforeAll
    static void createUser() {
        server = PostgresServer.get();
        server.execute("DO $$ BEGIN CREATE ROLE " + PostgresServer.PASSWORD_REQUIRED + " NOLOGIN;"
                + " EXCEPTION WHEN duplicate_object THEN NULL; END $$");
        server.execute("DROP DATABASE IF EXISTS " + DATABASE);
        server.execute("DROP ROLE IF EXISTS \"" + USER + "\"");
        server.execute("CREATE ROLE \"" + USER + "\" LOGIN PASSWORD '" + PASSWORD.replace("'", "''") + "' IN ROLE "
                + PostgresServer.PASSWORD_REQUIRED);
        server.execute("CREATE DATABASE " + DATABASE + " OWNER \"" + USER + "\"");
    }

    @Test
    void percentEncodedCredentialsReachTheServer() {
        String url = server.url(USER, PASSWORD, DATABASE);
        assertTrue(url.contains("p%40ss%3Aw%2Frd%25%24%7Bx%7D%3F%23%26%2B%20%C3%A9@"), url);
        try (TestControlPlane app = TestControlPlane.start(url, 2, Duration.ofSeconds(5))) {
            Reply put = Reply.send(app.client(), HttpRequest.PUT("/api/recordings",
                    "[{\"stream\":\"cam\",\"year\":2026,\"month\":11,\"day\":20,\"mpd_path\":\"cam/x.mpd\"}]")
                    .contentType(MediaType.APPLICATION_JSON_TYPE));
            assertEquals(200, put.status(), put.body());
            assertEquals("[\"cam\"]", Reply.send(app.client(), HttpRequest.GET("/api/playback")).body());
        }
    }

    @Test
    void postgresSchemeAliasWorks() {
        String url = server.url(USER, PASSWORD, DATABASE).replaceFirst("^postgresql:", "postgres:");
        DatabaseProbe.check(new DatabaseConfig(url, 1, Duration.ofSeconds(5)));
    }

    @Test
    void wrongPasswordIsOneMaskedLine() {
        assumeTrue(server.embedded(), "only the embedded server is known to check passwords");
        String url = server.url(USER, "wrong-secret", DATABASE);
        String message = assertThrows(DatabaseUnavailableException.class,
                () -> DatabaseProbe.check(new DatabaseConfig(url, 1, Duration.ofSeconds(5)))).getMessage();
        System.out.println(message);
        assertTrue(message.startsWith("cannot connect to database postgresql://cm%20user%40ops:***@"), message);
        assertTrue(message.contains("password authentication failed"), message);
        assertFalse(message.contains("wrong-secret"), message);
        assertFalse(message.contains("\n"), message);
    }

    @Test
    void extraParametersReachTheDriver() {
        assumeTrue(server.embedded(), "the embedded server has no TLS");
        String url = server.url(USER, PASSWORD, DATABASE) + "?sslmode=require";
        String message = assertThrows(DatabaseUnavailableException.class,
                () -> DatabaseProbe.check(new DatabaseConfig(url, 1, Duration.ofSeconds(5)))).getMessage();
        assertTrue(message.contains("SSL"), message);
        assertFalse(message.contains("p@ss"), message);
    }
}
